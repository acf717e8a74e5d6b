namespace Summit.Server.Privacy;

/// <summary>An officer's erasure: the reason (the request it carries out) and the confirmation that it is meant.</summary>
public sealed record ErasureRequest(string? Reason, bool Confirm);
