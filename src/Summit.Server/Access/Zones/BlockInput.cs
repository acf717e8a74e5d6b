namespace Summit.Server.Access.Zones;

public sealed record BlockInput(string Reason);
