using Summit.Access.Core.Sync;

namespace Summit.Server.Access.Domain;

/// <summary>A gate (a lane or group of lanes) on the boundary of one zone.</summary>
public sealed class AccessGate
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }

    /// <summary>Short number unique in the event, shown on gate screens and sent to the decision.</summary>
    public int Number { get; set; }
    public string Code { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string NameZh { get; set; } = "";
    public Guid ZoneId { get; set; }
    public Zone? Zone { get; set; }
    public GateDirections Directions { get; set; } = GateDirections.Both;

    /// <summary>A closed gate refuses every scan with GateClosed.</summary>
    public bool IsOpen { get; set; } = true;

    public string Name(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) && NameZh.Length > 0 ? NameZh : NameEn;
}
