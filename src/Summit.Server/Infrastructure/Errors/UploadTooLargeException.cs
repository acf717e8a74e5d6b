namespace Summit.Server.Infrastructure.Errors;

/// <summary>Thrown while an upload's body is read past the endpoint's limit: an exception no binder catches, so it reaches UseSummitProblems.</summary>
public sealed class UploadTooLargeException() : Exception("The upload passes the endpoint's limit.");
