using Summit.Access.Core;
using Summit.Server.Access.Domain;

namespace Summit.Server.Access.Contracts;

public sealed record ZoneView(Guid Id, int Number, string Code, string NameEn, string NameZh, string? Venue, int Capacity,
    AntiPassbackMode AntiPassback, int ReentryMinutes, TimeOnly DailyReset, int MaxEntriesPerDay, int SortOrder, ZonePlanArea? Plan = null,
    CapacityLimit CapacityLimit = CapacityLimit.Soft)
{
    public static ZoneView From(Zone z) => new(z.Id, z.Number, z.Code, z.NameEn, z.NameZh, z.Venue, z.Capacity, z.AntiPassback, z.ReentryMinutes,
        z.DailyReset, z.MaxEntriesPerDay, z.SortOrder, z.Plan, z.CapacityLimit);

    public string Name(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? NameZh : NameEn;
}
