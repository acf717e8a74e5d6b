namespace Summit.Server.Access.Blocks;

public sealed record BlockInput(string Reason);
