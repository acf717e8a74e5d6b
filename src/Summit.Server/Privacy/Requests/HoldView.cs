namespace Summit.Server.Privacy;

/// <summary>A reason an erasure must wait, in the reader's language.</summary>
public sealed record HoldView(string Area, string Code, string Message);
