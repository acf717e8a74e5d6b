namespace Summit.Server.Access.Monitoring;

public sealed record GateMinute(DateTimeOffset Minute, int Entries, int Exits, int Refusals);
