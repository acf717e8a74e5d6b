using Summit.Access.Core;

namespace Summit.Server.Access.Domain;

/// <summary>What reaching a zone's capacity does.</summary>
public enum CapacityLimit
{
    /// <summary>The gates keep admitting; the operations dashboard shows the zone crowded and raises a crowding incident.</summary>
    Soft = 0,

    /// <summary>The gates refuse entries with <see cref="ReasonCode.ZoneFull"/> while the zone holds its capacity.</summary>
    Hard = 1,
}
