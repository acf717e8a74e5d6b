using Summit.Server.Programme.Rules;

namespace Summit.Server.Programme.Scheduling;

/// <summary>
/// A first timetable made without search, given to CP-SAT as its hint (docs/adr/0033, amendment of 2026-12-04): the sessions that had a
/// place stay there when they still can, then the others, the hardest first (people with many sessions or few days, few rooms, long), each at
/// the earliest start on the grid in the best-fitting of its rooms where every hard rule the model keeps still holds (the room's hours, other
/// bookings and changeover, the people's windows, one place and travel, the shared audiences). It proves nothing; a session it cannot place
/// is simply left to the search.
/// </summary>
internal static class ScheduleGreedy
{
    /// <summary>The room and start (minutes from the origin) of each session placed; a room outside the session's candidates only when none of them had a place.</summary>
    public static Dictionary<Guid, (Guid Room, long Start)> Place(
        ScheduleProblem problem, IReadOnlyDictionary<Guid, IReadOnlyList<ScheduleRoom>> candidates, Func<ScheduleSession, IReadOnlyList<ScheduleRoom>> fitting)
    {
        var state = new State(problem);
        var placed = new Dictionary<Guid, (Guid Room, long Start)>();
        var movable = problem.Sessions.Where(s => s.Movable).ToList();
        foreach (var session in movable)
        {
            if (problem.Previous.TryGetValue(session.Id, out var previous) && state.Rooms.TryGetValue(previous.RoomId, out var room)
                && state.Free(session, room, state.Minutes(previous.StartsAt)))
            {
                placed[session.Id] = (room.Id, state.Minutes(previous.StartsAt));
                state.Take(session, room.Id, state.Minutes(previous.StartsAt));
            }
        }

        var load = movable.SelectMany(s => s.People.Distinct()).GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        int Weight(Guid person) => load[person] * (problem.People.TryGetValue(person, out var facts) && facts.Availability.Count > 0 ? 3 : 1);
        var order = movable.Where(s => !placed.ContainsKey(s.Id))
            .OrderByDescending(s => s.People.Distinct().Select(Weight).DefaultIfEmpty(0).Max())
            .ThenBy(s => candidates[s.Id].Count)
            .ThenByDescending(s => s.Minutes)
            .ThenBy(s => s.Id);
        foreach (var session in order)
        {
            var found = state.Earliest(session, candidates[session.Id]) ?? state.Earliest(session, [.. fitting(session).Except(candidates[session.Id])]);
            if (found is { } at)
            {
                placed[session.Id] = at;
                state.Take(session, at.Room, at.Start);
            }
        }

        return placed;
    }

    private sealed class State
    {
        private readonly ScheduleProblem _problem;
        private readonly long _horizon;
        private readonly int _buffer;
        private readonly bool _onePlace;
        private readonly bool _travel;
        private readonly bool _windows;
        private readonly Dictionary<Guid, List<(long From, long Until)>> _roomBusy;
        private readonly Dictionary<Guid, List<(long From, long Until, Guid Venue)>> _people = [];
        private readonly Dictionary<string, List<(long From, long Until)>> _audiences = new(StringComparer.Ordinal);

        public State(ScheduleProblem problem)
        {
            _problem = problem;
            _horizon = problem.Days * 24L * 60;
            _buffer = problem.IsHard(ConflictRule.BufferTooShort) ? problem.Settings.BufferMinutes : 0;
            _onePlace = problem.IsHard(ConflictRule.SpeakerDoubleBooked);
            _travel = problem.IsHard(ConflictRule.TravelTooShort);
            _windows = problem.IsHard(ConflictRule.SpeakerUnavailable);
            Rooms = problem.Rooms.ToDictionary(r => r.Id);
            _roomBusy = problem.Rooms.ToDictionary(r => r.Id, r => r.Busy.Select(b => (Minutes(b.From), Ceiling(b.Until))).ToList());
            foreach (var session in problem.Sessions.Where(s => !s.Movable && s.Current is not null))
            {
                Take(session, session.Current!.RoomId, Minutes(session.Current.StartsAt), Ceiling(session.Current.EndsAt));
            }
        }

        public Dictionary<Guid, ScheduleRoom> Rooms { get; }

        /// <summary>
        /// The best-fitting rooms first (those that seat the audience, the fewest seats first), and among rooms of one size the earliest start
        /// on the grid where the session breaks no hard rule.
        /// </summary>
        public (Guid Room, long Start)? Earliest(ScheduleSession session, IReadOnlyList<ScheduleRoom> rooms)
        {
            var sizes = rooms.GroupBy(r => (Fits: r.SeatsFor(session.Layout) >= session.ExpectedAttendance ? 0 : 1, Seats: r.SeatsFor(session.Layout)))
                .OrderBy(g => g.Key.Fits).ThenBy(g => g.Key.Seats);
            foreach (var size in sizes)
            {
                for (var t = 0L; t + session.Minutes <= _horizon; t += _problem.GridMinutes)
                {
                    foreach (var room in size)
                    {
                        if (Free(session, room, t))
                        {
                            return (room.Id, t);
                        }
                    }
                }
            }

            return null;
        }

        public bool Free(ScheduleSession session, ScheduleRoom room, long start)
        {
            var end = start + session.Minutes;
            if (start < 0 || end > _horizon || !Within(room.Open, start, end) || Overlaps(_roomBusy[room.Id], start, end + _buffer))
            {
                return false;
            }

            foreach (var audience in session.Audiences)
            {
                if (_audiences.TryGetValue(audience, out var taken) && Overlaps(taken, start, end))
                {
                    return false;
                }
            }

            foreach (var person in session.People)
            {
                if (_windows && _problem.People.TryGetValue(person, out var facts) && facts.Availability.Count > 0 && !Within(facts.Availability, start, end))
                {
                    return false;
                }

                if (!_people.TryGetValue(person, out var taken))
                {
                    continue;
                }

                foreach (var (from, until, venue) in taken)
                {
                    var gap = _travel && venue != room.VenueId ? _problem.Settings.TravelBetween(venue, room.VenueId) : 0;
                    if ((_onePlace || gap > 0) && start < until + gap && from < end + gap)
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        public void Take(ScheduleSession session, Guid roomId, long start) => Take(session, roomId, start, start + session.Minutes);

        private void Take(ScheduleSession session, Guid roomId, long start, long end)
        {
            if (_roomBusy.TryGetValue(roomId, out var busy))
            {
                busy.Add((start, end + _buffer));
            }

            var venue = Rooms.TryGetValue(roomId, out var room) ? room.VenueId : Guid.Empty;
            foreach (var person in session.People.Distinct())
            {
                if (!_people.TryGetValue(person, out var list))
                {
                    list = [];
                    _people[person] = list;
                }

                list.Add((start, end, venue));
            }

            foreach (var audience in session.Audiences.Distinct())
            {
                if (!_audiences.TryGetValue(audience, out var list))
                {
                    list = [];
                    _audiences[audience] = list;
                }

                list.Add((start, end));
            }
        }

        private bool Within(IEnumerable<TimeWindow> windows, long start, long end) => windows.Any(w => Ceiling(w.From) <= start && end <= Minutes(w.Until));

        private static bool Overlaps(List<(long From, long Until)> taken, long start, long end) => taken.Exists(b => start < b.Until && b.From < end);

        public long Minutes(DateTimeOffset at) => (long)Math.Floor((at - _problem.Origin).TotalMinutes);

        private long Ceiling(DateTimeOffset at) => (long)Math.Ceiling((at - _problem.Origin).TotalMinutes);
    }
}
