namespace Summit.Faces.ModelBuilder;

/// <summary>One ONNX file the builder writes, with the face-api model it comes from.</summary>
public sealed record BuiltModel(string FileName, string SourceModel, byte[] Bytes);
