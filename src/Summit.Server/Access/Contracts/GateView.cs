using Summit.Access.Core.Sync;

namespace Summit.Server.Access.Contracts;

public sealed record GateView(Guid Id, int Number, string Code, string NameEn, string NameZh, Guid ZoneId, string ZoneCode, int Zone,
    GateDirections Directions, bool IsOpen, int ActiveDevices)
{
    public string Name(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? NameZh : NameEn;
}
