using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Events.Contracts;

/// <summary>An event as the other modules see it: a copy, so nothing outside the Events module can change the event.</summary>
public sealed record EventFacts(Guid Id, string Name, string NameZh, DateOnly StartDate, DateOnly EndDate, string TimeZoneId, IReadOnlyList<VenueName> Venues)
{
    /// <summary>
    /// A venue as a zone names it (by its English name) in the reader's language; a name that is not one of the event's venues is
    /// shown as it is.
    /// </summary>
    public string? VenueInReaderLanguage(string? venue) =>
        venue is null ? null : Localizer.InReaderLanguage(venue, Venues.FirstOrDefault(v => v.Name == venue)?.NameZh);
}
