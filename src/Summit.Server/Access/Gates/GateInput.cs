using Summit.Access.Core.Sync;

namespace Summit.Server.Access.Gates;

public sealed record GateInput(string Code, string NameEn, string NameZh, Guid ZoneId, GateDirections Directions = GateDirections.Both, bool IsOpen = true);
