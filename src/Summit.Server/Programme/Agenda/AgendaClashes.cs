namespace Summit.Server.Programme.Agenda;

/// <summary>
/// The clashes of an agenda, decided in one pure place: two sessions that overlap, or in two venues with less time between them than the
/// travel time the programme sets for that pair. Cancelled sessions clash with nothing; each pair is named once, the earlier session first.
/// </summary>
public static class AgendaClashes
{
    /// <param name="travelMinutes">The minutes needed between two venues (0 for the same venue).</param>
    public static List<AgendaClash> Find(IReadOnlyList<AgendaEntry> entries, Func<Guid, Guid, int> travelMinutes)
    {
        var live = entries.Where(e => e.State != AgendaEntryState.Cancelled).OrderBy(e => e.StartsAt).ThenBy(e => e.EndsAt).ThenBy(e => e.SessionId).ToList();
        var clashes = new List<AgendaClash>();
        for (var i = 0; i < live.Count; i++)
        {
            for (var j = i + 1; j < live.Count; j++)
            {
                var (a, b) = (live[i], live[j]);
                if (b.StartsAt < a.EndsAt && a.StartsAt < b.EndsAt)
                {
                    clashes.Add(new AgendaClash(a.SessionId, b.SessionId, AgendaClashKind.Overlap, 0, 0));
                    continue;
                }

                // b starts after a ends (sorted by start, and not overlapping).
                var gap = (int)Math.Floor((b.StartsAt - a.EndsAt).TotalMinutes);
                var travel = a.VenueId == b.VenueId ? 0 : travelMinutes(a.VenueId, b.VenueId);
                if (gap < travel)
                {
                    clashes.Add(new AgendaClash(a.SessionId, b.SessionId, AgendaClashKind.TravelTooShort, gap, travel));
                }
            }
        }

        return clashes;
    }
}
