using Summit.Server.Access.Contracts;

namespace Summit.Server.Operations.Dashboard;

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
