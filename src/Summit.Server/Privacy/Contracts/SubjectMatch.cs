namespace Summit.Server.Privacy.Contracts;

/// <summary>A person an officer may look up for a request: who they are, enough to pick the right one.</summary>
public sealed record SubjectMatch(Guid PersonId, string DisplayName, string OriginalName, string Email, string Organisation, string Status);
