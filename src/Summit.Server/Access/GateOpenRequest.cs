namespace Summit.Server.Access;

public sealed record GateOpenRequest(bool Open);
