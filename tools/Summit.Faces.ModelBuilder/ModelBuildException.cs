namespace Summit.Faces.ModelBuilder;

internal sealed class ModelBuildException(string message) : Exception(message);
