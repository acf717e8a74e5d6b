using Summit.Server.Events.Contracts;

namespace Summit.Server.Events;

/// <param name="Venues">The venues' English names, in order.</param>
/// <param name="VenueNamesZh">The venues' Chinese names by English name (venues without one are left out).</param>
public sealed record EventDto(Guid Id, string Name, string NameZh, DateOnly StartDate, DateOnly EndDate, string TimeZoneId, IReadOnlyList<string> Venues,
    IReadOnlyDictionary<string, string> VenueNamesZh)
{
    public static EventDto From(EventFacts e) => new(e.Id, e.Name, e.NameZh, e.StartDate, e.EndDate, e.TimeZoneId,
        [.. e.Venues.Select(v => v.Name)],
        e.Venues.Where(v => !string.IsNullOrWhiteSpace(v.NameZh)).ToDictionary(v => v.Name, v => v.NameZh!));
}
