namespace Summit.Server.Access.Credentials;

/// <summary>A guest's credentials: the one in force (if any) and the earlier ones, newest first.</summary>
public sealed record GuestCredentials(Guid GuestId, CredentialView? Active, IReadOnlyList<CredentialView> History);
