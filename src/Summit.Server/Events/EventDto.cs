namespace Summit.Server.Events;

public sealed record EventDto(Guid Id, string Name, string NameZh, DateOnly StartDate, DateOnly EndDate, string TimeZoneId, IReadOnlyList<string> Venues)
{
    public static EventDto From(SummitEvent e) => new(e.Id, e.Name, e.NameZh, e.StartDate, e.EndDate, e.TimeZoneId,
        [.. e.Venues.OrderBy(v => v.SortOrder).Select(v => v.Name)]);
}
