using Summit.Access.Core;
using Summit.Server.Access.Contracts;

namespace Summit.Server.Access.Domain;

/// <summary>
/// An area whose entry is controlled: the whole site, a hall, a forum room, the VIP lounge. Its number (0..63) is what
/// credentials and gates use; its code is what people read on badges.
/// </summary>
public sealed class Zone
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }

    /// <summary>0..63: bit of the zone in credentials and grants. Fixed once credentials exist.</summary>
    public int Number { get; set; }

    /// <summary>Short upper-case code printed on badges, for example "MAIN" or "VIP".</summary>
    public string Code { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string NameZh { get; set; } = "";

    /// <summary>Venue or building the zone is in, for grouping and the venue plan.</summary>
    public string? Venue { get; set; }

    /// <summary>People allowed inside at once (fire safety); 0 when not set.</summary>
    public int Capacity { get; set; }

    /// <summary>Whether the gates refuse entries once <see cref="Capacity"/> people are inside, or admit and alert.</summary>
    public CapacityLimit CapacityLimit { get; set; }

    public AntiPassbackMode AntiPassback { get; set; }

    /// <summary>For timed anti-passback: minutes after an entry during which re-entry is refused.</summary>
    public int ReentryMinutes { get; set; }

    /// <summary>Event-local time at which presence and daily counts start afresh.</summary>
    public TimeOnly DailyReset { get; set; } = new(4, 0);

    /// <summary>Entries allowed per access day; 0 = no limit.</summary>
    public int MaxEntriesPerDay { get; set; }
    public int SortOrder { get; set; }

    /// <summary>Where the zone is drawn on the venue plan (a rectangle on the plan's canvas); all four set, or none.</summary>
    public int? PlanX { get; set; }
    public int? PlanY { get; set; }
    public int? PlanWidth { get; set; }
    public int? PlanHeight { get; set; }

    public ZonePlanArea? Plan
    {
        get => PlanX is { } x && PlanY is { } y && PlanWidth is { } width && PlanHeight is { } height ? new ZonePlanArea(x, y, width, height) : null;
        set => (PlanX, PlanY, PlanWidth, PlanHeight) = (value?.X, value?.Y, value?.Width, value?.Height);
    }

    public string Name(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) && NameZh.Length > 0 ? NameZh : NameEn;

    public ZoneRule ToRule() => new(AntiPassback, ReentryMinutes, DailyReset, MaxEntriesPerDay, MaxInside);

    /// <summary>The capacity the gates enforce: the capacity when it is a hard limit, otherwise 0 (not counted at the gates).</summary>
    public int MaxInside => CapacityLimit == CapacityLimit.Hard ? Capacity : 0;
}
