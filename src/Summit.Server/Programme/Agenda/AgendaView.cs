namespace Summit.Server.Programme.Agenda;

/// <summary>
/// A guest's agenda as the portal shows it: the latest release's number (0 before the first), the agenda's sessions in time order, the clashes
/// among them, the sessions on offer, how many the guest chose of the most allowed, and since when their calendar feed exists (null: none).
/// </summary>
public sealed record AgendaView(
    int Release,
    string TimeZoneId,
    IReadOnlyList<AgendaEntry> Entries,
    IReadOnlyList<AgendaClash> Clashes,
    IReadOnlyList<AgendaOffer> Offers,
    int Chosen,
    int MaxChoices,
    DateTimeOffset? FeedCreatedAt);
