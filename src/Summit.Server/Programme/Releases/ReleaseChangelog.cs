namespace Summit.Server.Programme.Releases;

/// <summary>
/// The changelog of a release: what differs between the previous released version and the new one, session by session. Pure: it compares
/// two snapshots and reads nothing else, so the release, its page, the public programme and the notices all tell the same story.
/// </summary>
public static class ReleaseChangelog
{
    /// <summary>
    /// The changes from <paramref name="previous"/> (null before the first release: every session is new) to <paramref name="current"/>: a
    /// new session; one moved (its start, end or room); one cancelled (no longer in the timetable); changed people (a person, or a person's
    /// role, added or removed; a new protocol order alone is no change); retitled (either language); its join link changed (the link, or
    /// whether it is public). A session may have several; they come
    /// in the order of the sessions' new (or, cancelled, old) start.
    /// </summary>
    public static IReadOnlyList<SessionChange> Compare(ReleaseSnapshot? previous, ReleaseSnapshot current)
    {
        var before = (previous ?? ReleaseSnapshot.Empty).Sessions.ToDictionary(s => s.Id);
        var after = current.Sessions.ToDictionary(s => s.Id);
        var changes = new List<SessionChange>();
        foreach (var now in current.Sessions)
        {
            if (!before.TryGetValue(now.Id, out var was))
            {
                changes.Add(new SessionChange(ChangeKind.New, now.Id, null, now, [], []));
                continue;
            }

            if (was.StartsAt != now.StartsAt || was.EndsAt != now.EndsAt || was.RoomId != now.RoomId)
            {
                changes.Add(new SessionChange(ChangeKind.Moved, now.Id, was, now, [], []));
            }

            var wasPeople = was.Participants.Select(p => (p.PersonId, p.Role)).ToHashSet();
            var nowPeople = now.Participants.Select(p => (p.PersonId, p.Role)).ToHashSet();
            var added = now.Participants.Where(p => !wasPeople.Contains((p.PersonId, p.Role))).ToList();
            var removed = was.Participants.Where(p => !nowPeople.Contains((p.PersonId, p.Role))).ToList();
            if (added.Count > 0 || removed.Count > 0)
            {
                changes.Add(new SessionChange(ChangeKind.PeopleChanged, now.Id, was, now, added, removed));
            }

            if (!string.Equals(was.TitleEn, now.TitleEn, StringComparison.Ordinal) || !string.Equals(was.TitleZh, now.TitleZh, StringComparison.Ordinal))
            {
                changes.Add(new SessionChange(ChangeKind.Retitled, now.Id, was, now, [], []));
            }

            // A version released before links were kept says nothing of them: a link against it is no change.
            if ((previous?.JoinLinksKept ?? true)
                && (!string.Equals(was.JoinLink, now.JoinLink, StringComparison.Ordinal) || was.JoinLinkPublic != now.JoinLinkPublic))
            {
                changes.Add(new SessionChange(ChangeKind.JoinLinkChanged, now.Id, was, now, [], []));
            }
        }

        changes.AddRange(before.Values.Where(s => !after.ContainsKey(s.Id)).Select(s => new SessionChange(ChangeKind.Cancelled, s.Id, s, null, [], [])));
        return [.. changes.OrderBy(c => c.Current.StartsAt).ThenBy(c => c.SessionId).ThenBy(c => c.Kind)];
    }

    /// <summary>Each person a change concerns with their changes, in the changelog's order: one notice per person per release.</summary>
    public static IReadOnlyDictionary<Guid, IReadOnlyList<SessionChange>> ByPerson(IReadOnlyList<SessionChange> changes) =>
        changes.SelectMany(c => c.People.Select(p => (Person: p, Change: c))).GroupBy(x => x.Person)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<SessionChange>)[.. g.Select(x => x.Change)]);
}
