namespace Summit.Faces.Core;

/// <summary>An image that cannot be used at all (unreadable or too large), with the reason.</summary>
public sealed class FaceImageException(FaceIssue issue, string detail) : Exception($"{issue.Code()}: {detail}")
{
    public FaceIssue Issue { get; } = issue;
}
