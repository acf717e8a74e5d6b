namespace Summit.Access.Core;

/// <summary>Zones an accreditation category opens on the given days.</summary>
public sealed record CategoryGrant(ushort Category, ZoneSet Zones, DayRange Days);
