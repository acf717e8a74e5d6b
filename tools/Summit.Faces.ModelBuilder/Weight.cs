namespace Summit.Faces.ModelBuilder;

/// <summary>One weight tensor of a face-api model, in TensorFlow's layout (filters are height, width, in, out).</summary>
internal sealed record Weight(string Name, int[] Shape, float[] Values);
