namespace Summit.Server.Access.Contracts;

public sealed record GateMinute(DateTimeOffset Minute, int Entries, int Exits, int Refusals);
