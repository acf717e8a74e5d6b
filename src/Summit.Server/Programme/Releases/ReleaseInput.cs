namespace Summit.Server.Programme.Releases;

/// <summary>A release's optional comment ("Keynotes moved after the minister's travel change"), at most 1,000 characters.</summary>
public sealed record ReleaseInput(string? Comment = null);
