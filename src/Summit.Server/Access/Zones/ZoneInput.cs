using Summit.Access.Core;
using Summit.Server.Access.Contracts;
using Summit.Server.Access.Domain;

namespace Summit.Server.Access.Zones;

/// <summary>A zone as typed in the form or sent to the API. The number is assigned (lowest free) when absent.</summary>
/// <param name="CapacityLimit">Hard: the gates refuse entries once the capacity is reached; soft (the default): they admit, and the
/// operations dashboard alerts.</param>
public sealed record ZoneInput(string Code, string NameEn, string NameZh, string? Venue = null, int Capacity = 0,
    AntiPassbackMode AntiPassback = AntiPassbackMode.Off, int ReentryMinutes = 0, TimeOnly? DailyReset = null, int MaxEntriesPerDay = 0,
    int? Number = null, int? SortOrder = null, ZonePlanArea? Plan = null, CapacityLimit CapacityLimit = CapacityLimit.Soft);
