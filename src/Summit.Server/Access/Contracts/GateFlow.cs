namespace Summit.Server.Access.Contracts;

public sealed record GateFlow(Guid GateId, string Code, string NameEn, string NameZh, bool IsOpen, IReadOnlyList<GateMinute> Minutes);
