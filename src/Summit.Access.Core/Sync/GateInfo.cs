namespace Summit.Access.Core.Sync;

/// <summary>The gate a device is bound to.</summary>
public sealed record GateInfo(
    Guid Id, int Number, string Code, string NameEn, string NameZh, int Zone, string ZoneCode, GateDirections Directions, bool IsOpen)
{
    /// <summary>The lane direction a scan is decided for: the requested one when the gate allows it, otherwise null.</summary>
    public GateDirection? Resolve(GateDirection? requested) => (requested, Directions) switch
    {
        (null, GateDirections.Exit) => GateDirection.Exit,
        (null, _) => GateDirection.Entry,
        (GateDirection.Entry, GateDirections.Entry or GateDirections.Both) => GateDirection.Entry,
        (GateDirection.Exit, GateDirections.Exit or GateDirections.Both) => GateDirection.Exit,
        _ => null,
    };

    public Gate ToGate(GateDirection direction) => new(Number, Zone, direction, IsOpen);
}
