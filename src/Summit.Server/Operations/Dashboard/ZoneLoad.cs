using Summit.Server.Access.Domain;
using Summit.Server.Access.Monitoring;

namespace Summit.Server.Operations.Dashboard;

/// <summary>How full a zone is, as the plan colours it.</summary>
public enum OccupancyLevel
{
    /// <summary>No capacity set: drawn grey, never crowded.</summary>
    Unknown,

    /// <summary>Under 70%: green.</summary>
    Normal,

    /// <summary>70% to 90%: amber.</summary>
    Busy,

    /// <summary>Over 90%: red.</summary>
    Crowded,
}

/// <summary>A zone on the dashboard: people inside now against capacity, its colour, and whether a crowding episode is on.</summary>
public sealed record ZoneTile(Guid ZoneId, int Number, string Code, string NameEn, string NameZh, string? Venue, int Capacity, int Inside,
    double? Load, OccupancyLevel Level, bool Crowded, ZonePlanArea? Plan)
{
    public string Name(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? NameZh : NameEn;
}

public static class ZoneLoad
{
    public const double BusyFrom = 0.7;

    /// <summary>Above this share of its capacity a zone is red and raises a crowding incident.</summary>
    public const double CrowdedAbove = 0.9;

    public static OccupancyLevel LevelOf(double? load) => load switch
    {
        null => OccupancyLevel.Unknown,
        > CrowdedAbove => OccupancyLevel.Crowded,
        >= BusyFrom => OccupancyLevel.Busy,
        _ => OccupancyLevel.Normal,
    };

    public static ZoneTile Tile(ZoneOccupancy zone, bool crowded) => new(zone.ZoneId, zone.Zone, zone.Code, zone.NameEn, zone.NameZh, zone.Venue,
        zone.Capacity, zone.Inside, zone.Load, LevelOf(zone.Load), crowded, zone.Plan);
}
