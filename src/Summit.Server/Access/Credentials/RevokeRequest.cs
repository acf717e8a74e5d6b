namespace Summit.Server.Access.Credentials;

public sealed record RevokeRequest(string Reason);
