using Summit.Access.Core;
using Summit.Access.Core.Sync;

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

/// <summary>What reaching a zone's capacity does.</summary>
public enum CapacityLimit
{
    /// <summary>The gates keep admitting; the operations dashboard shows the zone crowded and raises a crowding incident.</summary>
    Soft = 0,

    /// <summary>The gates refuse entries with <see cref="ReasonCode.ZoneFull"/> while the zone holds its capacity.</summary>
    Hard = 1,
}

/// <summary>
/// A zone's rectangle on the venue plan: a schematic drawing on a canvas of <see cref="CanvasWidth"/> x <see cref="CanvasHeight"/>
/// units (the operations dashboard scales it to the screen). A zone inside another is drawn over it.
/// </summary>
public sealed record ZonePlanArea(int X, int Y, int Width, int Height)
{
    public const int CanvasWidth = 1000;
    public const int CanvasHeight = 600;

    /// <summary>Smaller than this, a zone's code no longer fits in its rectangle on a laptop screen.</summary>
    public const int MinSide = 20;

    public int Area => Width * Height;
}

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

/// <summary>The zones an accreditation category opens, on the days given (open ends: every day).</summary>
public sealed class CategoryZoneGrant
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }
    public Guid CategoryId { get; set; }
    public Guid ZoneId { get; set; }
    public DateOnly? FirstDay { get; set; }
    public DateOnly? LastDay { get; set; }
}

/// <summary>An addition or removal of one zone for one person, on the days given; it follows the person across reissues.</summary>
public sealed class PersonalZoneGrant
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }
    public Guid GuestId { get; set; }
    public Guid ZoneId { get; set; }
    public GrantChange Change { get; set; }
    public DateOnly? FirstDay { get; set; }
    public DateOnly? LastDay { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The short number a category carries in credentials (uint16), assigned once per category.</summary>
public sealed class CategoryNumber
{
    public Guid CategoryId { get; set; }
    public Guid EventId { get; set; }
    public int Number { get; set; }
}

/// <summary>A person no gate may admit, whatever their credential (security decision, with a reason).</summary>
public sealed class PersonBlock
{
    public Guid GuestId { get; set; }
    public Guid EventId { get; set; }
    public string Reason { get; set; } = "";
    public DateTimeOffset BlockedAt { get; set; }
    public string BlockedBy { get; set; } = "";
}
