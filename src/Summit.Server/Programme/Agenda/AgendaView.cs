namespace Summit.Server.Programme.Agenda;

/// <summary>
/// A guest's agenda as the portal shows it: the latest release's number (0 before the first), the agenda's sessions in time order, the clashes
/// among them, the sessions on offer, how many the guest chose of the most allowed, and since when their calendar feed exists (null: none). Times
/// are shown in <see cref="GuestTimeZoneId"/> (the zone the guest chose in the portal, else the event's), with the event's beside where it differs.
/// </summary>
public sealed record AgendaView(
    int Release,
    string TimeZoneId,
    IReadOnlyList<AgendaEntry> Entries,
    IReadOnlyList<AgendaClash> Clashes,
    IReadOnlyList<AgendaOffer> Offers,
    int Chosen,
    int MaxChoices,
    DateTimeOffset? FeedCreatedAt,
    string? GuestTimeZoneId = null)
{
    /// <summary>The zone the agenda's times are shown in: the guest's choice, else the event's.</summary>
    public string ShownTimeZoneId => GuestTimeZoneId ?? TimeZoneId;
}
