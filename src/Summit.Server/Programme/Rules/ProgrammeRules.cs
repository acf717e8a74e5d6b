namespace Summit.Server.Programme.Rules;

/// <summary>
/// Decides every conflict of a timetable: the one place the programme's rules live (issue 13). Pure: it reads only the sessions, people and
/// settings it is given, so it is tested on its own, the same answer serves an edit, the timetable's warnings and (later) the release and
/// the solver. Periods are half-open: a session ending at 10:00 and one starting at 10:00 do not overlap.
/// </summary>
public static class ProgrammeRules
{
    /// <summary>
    /// The severities an event starts with: what cannot happen at all (a room or a person in two places) refuses the edit; what must be
    /// settled before the public sees it (an unavailable speaker, a language nobody interprets) stops the release; what staff may accept
    /// knowingly (a tight journey, a full room, a short changeover) warns.
    /// </summary>
    public static RuleSeverity DefaultSeverity(ConflictRule rule) => rule switch
    {
        ConflictRule.RoomDoubleBooked or ConflictRule.SpeakerDoubleBooked => RuleSeverity.BlockEdit,
        ConflictRule.SpeakerUnavailable or ConflictRule.InterpretationMissing or ConflictRule.EquipmentMissing => RuleSeverity.BlockRelease,
        _ => RuleSeverity.Warn,
    };

    /// <summary>Every conflict of the timetable, rules of severity Ignore left out, in a stable order.</summary>
    public static IReadOnlyList<ProgrammeConflict> Check(IReadOnlyList<SessionFacts> sessions, IReadOnlyDictionary<Guid, PersonFacts> people,
        RuleSettings settings)
    {
        var found = new List<ProgrammeConflict>();
        var placed = sessions.Where(s => s.Placed).OrderBy(s => s.Time!.Value.From).ThenBy(s => s.Id).ToList();

        foreach (var room in placed.GroupBy(s => s.RoomId!.Value))
        {
            var list = room.ToList();
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    var (a, b) = (list[i], list[j]);
                    if (a.Time!.Value.Overlaps(b.Time!.Value))
                    {
                        found.Add(Pair(ConflictRule.RoomDoubleBooked, settings, a, b, roomId: room.Key));
                        continue;
                    }

                    var gap = Minutes(b.Time!.Value.From - a.Time!.Value.Until);
                    if (gap >= 0 && gap < settings.BufferMinutes)
                    {
                        found.Add(Pair(ConflictRule.BufferTooShort, settings, a, b, roomId: room.Key, needed: settings.BufferMinutes, available: gap));
                    }
                }
            }
        }

        // A withdrawn person (erased) keeps their place but is no one: they cannot be in two places, late or unavailable.
        foreach (var person in placed.SelectMany(s => s.People.Distinct().Select(p => (Person: p, Session: s))).GroupBy(x => x.Person)
            .Where(g => !(people.TryGetValue(g.Key, out var who) && who.Withdrawn)))
        {
            var list = person.Select(x => x.Session).ToList();
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    if (list[i].Time!.Value.Overlaps(list[j].Time!.Value))
                    {
                        found.Add(Pair(ConflictRule.SpeakerDoubleBooked, settings, list[i], list[j], person: person.Key));
                    }
                }
            }

            // The journey that matters is to the person's next session: later ones leave more time.
            for (var i = 0; i + 1 < list.Count; i++)
            {
                var (a, b) = (list[i], list[i + 1]);
                if (a.VenueId is not { } from || b.VenueId is not { } to || from == to || a.Time!.Value.Overlaps(b.Time!.Value))
                {
                    continue;
                }

                var gap = Minutes(b.Time!.Value.From - a.Time!.Value.Until);
                var travel = settings.TravelBetween(from, to);
                if (gap < travel)
                {
                    found.Add(Pair(ConflictRule.TravelTooShort, settings, a, b, person: person.Key, needed: travel, available: gap));
                }
            }

            if (people.TryGetValue(person.Key, out var facts) && facts.Availability.Count > 0)
            {
                foreach (var session in list.Where(s => !facts.Availability.Any(w => w.Contains(s.Time!.Value))))
                {
                    found.Add(new ProgrammeConflict(ConflictRule.SpeakerUnavailable, settings.SeverityOf(ConflictRule.SpeakerUnavailable), session.Id,
                        PersonId: person.Key));
                }
            }
        }

        foreach (var session in placed.Where(s => s.RoomCapacity is { } capacity && s.ExpectedAttendance > capacity))
        {
            found.Add(new ProgrammeConflict(ConflictRule.CapacityBelowDemand, settings.SeverityOf(ConflictRule.CapacityBelowDemand), session.Id,
                RoomId: session.RoomId, Needed: session.ExpectedAttendance, Available: session.RoomCapacity));
        }

        // A break has nothing to interpret; every other session, placed or not, must be heard in each required language.
        foreach (var session in sessions.Where(s => s.Kind != SessionKind.Break).OrderBy(s => s.Id))
        {
            foreach (var language in settings.RequiredLanguages.Where(l => !Same(l, session.Language) && !session.Channels.Any(c => Same(c, l))))
            {
                found.Add(new ProgrammeConflict(ConflictRule.InterpretationMissing, settings.SeverityOf(ConflictRule.InterpretationMissing), session.Id,
                    Language: language));
            }
        }

        EquipmentMissing(sessions, placed, settings, found);
        return [.. found.Where(c => c.Severity != RuleSeverity.Ignore)];
    }

    /// <summary>
    /// Equipment missing: a placed session whose booking holds fewer of an item than it needs (the venue's stock was short at that time:
    /// Needed and Available are the units needed and held), and a session with interpretation channels (breaks exempt) that states no
    /// interpretation kit when the event names its kit item (Needed null).
    /// </summary>
    private static void EquipmentMissing(IReadOnlyList<SessionFacts> sessions, IReadOnlyList<SessionFacts> placed, RuleSettings settings, List<ProgrammeConflict> found)
    {
        var severity = settings.SeverityOf(ConflictRule.EquipmentMissing);
        foreach (var session in placed)
        {
            foreach (var need in (session.Equipment ?? []).Where(n => n.Held < n.Needed).OrderBy(n => n.ItemId))
            {
                found.Add(new ProgrammeConflict(ConflictRule.EquipmentMissing, severity, session.Id, RoomId: session.RoomId, Needed: need.Needed,
                    Available: Math.Max(0, need.Held), ItemId: need.ItemId));
            }
        }

        if (settings.InterpretationKitId is not { } kit)
        {
            return;
        }

        foreach (var session in sessions.Where(s => s.Kind != SessionKind.Break && s.Channels.Any(c => !Same(c, s.Language))
            && !(s.Equipment ?? []).Any(n => n.ItemId == kit && n.Needed > 0)).OrderBy(s => s.Id))
        {
            found.Add(new ProgrammeConflict(ConflictRule.EquipmentMissing, severity, session.Id, RoomId: session.RoomId, ItemId: kit));
        }
    }

    /// <summary>The conflicts of <paramref name="after"/> that <paramref name="before"/> did not have: what an edit brings in.</summary>
    public static IReadOnlyList<ProgrammeConflict> Introduced(IEnumerable<ProgrammeConflict> before, IEnumerable<ProgrammeConflict> after)
    {
        var old = before.ToHashSet();
        return [.. after.Where(c => !old.Contains(c))];
    }

    private static ProgrammeConflict Pair(ConflictRule rule, RuleSettings settings, SessionFacts a, SessionFacts b, Guid? roomId = null,
        Guid? person = null, int? needed = null, int? available = null)
    {
        var (first, second) = a.Id.CompareTo(b.Id) < 0 ? (a.Id, b.Id) : (b.Id, a.Id);
        return new ProgrammeConflict(rule, settings.SeverityOf(rule), first, second, person, roomId, needed, available);
    }

    private static int Minutes(TimeSpan span) => (int)Math.Floor(span.TotalMinutes);

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
