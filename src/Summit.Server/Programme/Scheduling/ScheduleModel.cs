using Google.OrTools.Sat;
using Google.OrTools.Util;
using Summit.Server.Programme.Rules;

namespace Summit.Server.Programme.Scheduling;

/// <summary>
/// The CP-SAT model of a <see cref="ScheduleProblem"/> (docs/adr/0033), in minutes from the problem's origin. Each session that may move has
/// a start variable on the grid (plus its previous start, so that staying is always possible), a Boolean per room it may take (exactly one),
/// an optional interval per room (its length plus the changeover when that rule is hard) in the room's no-overlap with the room's fixed
/// blocks (the venue's other bookings and blockings, the sessions that stay), and a fixed-length interval in the no-overlap of each of its
/// people and each audience it shares. Bookable hours and availability are domains on the start. Travel between venues is an ordering
/// Boolean per pair of a person's sessions, enforced with the venues they end up in. The mobile equipment stock is a cumulative per item
/// (capacity: the stock) over the times of the sessions that may move and need it, with what the venue's other bookings and the sessions
/// that stay hold of it as fixed demand.
/// <para>
/// With <c>explain</c>, each group of constraints (a room's time, a person's windows, a person's one place, their travel, an audience, a
/// session's capacity, an equipment item's stock) is enforced by a literal of its own, and the literals are the solve's assumptions: an infeasible solve names the
/// groups that cannot hold together.
/// </para>
/// </summary>
internal sealed class ScheduleModel
{
    /// <summary>The cost of a session that leaves its previous placement; larger than any room's fit cost, so moves come first.</summary>
    public const int MoveCost = 1000;

    private readonly ScheduleProblem _problem;
    private readonly bool _explain;
    private readonly Dictionary<ScheduleClash, BoolVar> _groups = [];
    private readonly Dictionary<Guid, ScheduleSession> _sessions;
    private readonly Dictionary<Guid, ScheduleRoom> _rooms;
    private readonly Dictionary<Guid, SessionVars> _vars = [];
    private readonly long _horizon;
    private readonly IReadOnlyDictionary<Guid, IReadOnlyList<ScheduleRoom>>? _candidates;
    private readonly IReadOnlyDictionary<Guid, (Guid Room, long Start)> _hint;

    /// <summary>
    /// The model of <paramref name="problem"/>: with <paramref name="candidates"/>, each session may take only those rooms (none given: every
    /// room that fits); <paramref name="hint"/> is a first timetable to start the search from (<see cref="ScheduleGreedy"/>).
    /// </summary>
    public ScheduleModel(ScheduleProblem problem, bool explain, IReadOnlyDictionary<Guid, IReadOnlyList<ScheduleRoom>>? candidates = null,
        IReadOnlyDictionary<Guid, (Guid Room, long Start)>? hint = null)
    {
        _problem = problem;
        _explain = explain;
        _candidates = explain ? null : candidates;
        _hint = hint ?? new Dictionary<Guid, (Guid Room, long Start)>();
        _sessions = problem.Sessions.ToDictionary(s => s.Id);
        _rooms = problem.Rooms.ToDictionary(r => r.Id);
        _horizon = problem.Days * 24L * 60;
        Build();
    }

    public CpModel Model { get; } = new();

    /// <summary>The constraint groups and their literals (only with explain).</summary>
    public IReadOnlyDictionary<ScheduleClash, BoolVar> Groups => _groups;

    /// <summary>The sessions the solver may place and their variables.</summary>
    public IReadOnlyDictionary<Guid, SessionVars> Sessions => _vars;

    private int Buffer => _problem.IsHard(ConflictRule.BufferTooShort) ? _problem.Settings.BufferMinutes : 0;

    /// <summary>The rooms a session may take in this model: its candidates when they were chosen, else every room that fits.</summary>
    public IReadOnlyList<ScheduleRoom> RoomsFor(ScheduleSession session) =>
        _candidates is not null && _candidates.TryGetValue(session.Id, out var chosen) ? chosen : Fitting(_problem, session, _explain);

    /// <summary>The rooms that fit a session: set out in its layout; big enough, when capacity is hard (with explain: all, under a group).</summary>
    public static IReadOnlyList<ScheduleRoom> Fitting(ScheduleProblem problem, ScheduleSession session, bool explain) =>
        [.. problem.Rooms.Where(r => r.SeatsFor(session.Layout) > 0
            && (explain || !problem.IsHard(ConflictRule.CapacityBelowDemand) || r.SeatsFor(session.Layout) >= session.ExpectedAttendance))];

    private void Build()
    {
        foreach (var session in _problem.Sessions.Where(s => s.Movable))
        {
            AddSession(session);
        }

        foreach (var room in _problem.Rooms)
        {
            AddRoom(room);
        }

        var byPerson = _problem.Sessions.SelectMany(s => s.People.Distinct().Select(p => (Person: p, Session: s))).GroupBy(x => x.Person)
            .Where(g => g.Any(x => x.Session.Movable));
        foreach (var person in byPerson)
        {
            var list = person.Select(x => x.Session).Where(s => s.Movable || s.Current is not null).ToList();
            if (_problem.IsHard(ConflictRule.SpeakerDoubleBooked))
            {
                NoOverlap(list, Group(ClashKind.PersonOnePlace, person.Key));
            }

            if (_problem.IsHard(ConflictRule.TravelTooShort))
            {
                AddTravel(person.Key, list);
            }
        }

        foreach (var audience in _problem.Sessions.SelectMany(s => s.Audiences.Distinct().Select(a => (Audience: a, Session: s))).GroupBy(x => x.Audience)
            .Where(g => g.Any(x => x.Session.Movable)))
        {
            NoOverlap([.. audience.Select(x => x.Session).Where(s => s.Movable || s.Current is not null)], Group(ClashKind.SharedAudience, null, audience.Key));
        }

        if (_problem.IsHard(ConflictRule.EquipmentMissing))
        {
            AddEquipment();
        }

        AddObjective();
    }

    private void AddSession(ScheduleSession session)
    {
        var length = (long)session.Minutes;
        var grid = new SortedSet<long>();
        for (var t = 0L; t + length <= _horizon; t += _problem.GridMinutes)
        {
            grid.Add(t);
        }

        var previous = _problem.Previous.GetValueOrDefault(session.Id);
        long? stay = previous is null ? null : Minutes(previous.StartsAt);
        if (stay is { } s0 && s0 >= 0 && s0 + length <= _horizon)
        {
            grid.Add(s0);
        }

        // Without explain, the start keeps only the times some candidate room is open then; a room whose hours allow all of them (rooms of one
        // venue usually share their hours) needs no constraint of its own. With explain, every room's hours stand under its group.
        var candidates = RoomsFor(session);
        var opens = candidates.ToDictionary(r => r.Id, r => grid.Where(t => r.Open.Any(w => Ceiling(w.From) <= t && t + length <= Minutes(w.Until))).ToHashSet());
        if (!_explain)
        {
            grid.IntersectWith(opens.Values.SelectMany(o => o));
            if (grid.Count == 0)
            {
                grid.Add(-1);
            }
        }

        var start = Model.NewIntVarFromDomain(Domain.FromValues([.. grid]), $"start_{session.Id:N}");
        var rooms = new Dictionary<Guid, BoolVar>();
        var roomIntervals = new Dictionary<Guid, IntervalVar>();
        foreach (var room in candidates)
        {
            var x = Model.NewBoolVar($"in_{session.Id:N}_{room.Id:N}");
            rooms[room.Id] = x;
            roomIntervals[room.Id] = Model.NewOptionalFixedSizeIntervalVar(start, length + Buffer, x, $"room_{session.Id:N}_{room.Id:N}");
            // The session's time lies within one of the room's open periods.
            if (_explain || !grid.IsSubsetOf(opens[room.Id]))
            {
                Model.AddLinearExpressionInDomain(start, Starts(room.Open, length)).OnlyEnforceIf(Literals(x, Group(ClashKind.RoomTime, room.Id)));
            }
            if (_problem.IsHard(ConflictRule.CapacityBelowDemand) && room.SeatsFor(session.Layout) < session.ExpectedAttendance)
            {
                // Only with explain: a room too small stands under the session's capacity group.
                Model.AddImplication(x, Group(ClashKind.Capacity, session.Id)!.Not());
            }
        }

        Model.AddExactlyOne(rooms.Values);
        if (_problem.IsHard(ConflictRule.SpeakerUnavailable))
        {
            foreach (var person in session.People.Distinct())
            {
                if (_problem.People.TryGetValue(person, out var facts) && facts.Availability.Count > 0)
                {
                    Model.AddLinearExpressionInDomain(start, Starts(facts.Availability, length))
                        .OnlyEnforceIf(Literals(Group(ClashKind.PersonAvailability, person)));
                }
            }
        }

        var venues = new Dictionary<Guid, ILiteral>();
        foreach (var venue in rooms.GroupBy(r => _rooms[r.Key].VenueId))
        {
            var inVenue = Model.NewBoolVar($"venue_{session.Id:N}_{venue.Key:N}");
            Model.Add(inVenue == LinearExpr.Sum(venue.Select(v => v.Value)));
            venues[venue.Key] = inVenue;
        }

        _vars[session.Id] = new SessionVars(session, start, length, rooms, roomIntervals, venues, Model.NewFixedSizeIntervalVar(start, length, $"time_{session.Id:N}"));
        if (_hint.TryGetValue(session.Id, out var hinted) && rooms.ContainsKey(hinted.Room))
        {
            Model.AddHint(start, hinted.Start);
            foreach (var (room, x) in rooms)
            {
                Model.AddHint(x, room == hinted.Room);
            }
        }
        else if (previous is not null)
        {
            Model.AddHint(start, stay!.Value);
            if (rooms.TryGetValue(previous.RoomId, out var was))
            {
                Model.AddHint(was, true);
            }
        }
    }

    private void AddRoom(ScheduleRoom room)
    {
        var movable = _vars.Values.Where(v => v.Rooms.ContainsKey(room.Id)).Select(v => v.RoomIntervals[room.Id]).ToList();
        if (movable.Count == 0)
        {
            return;
        }

        var blocks = room.Busy.Select(b => (Minutes(b.From), Ceiling(b.Until)))
            .Concat(_problem.Sessions.Where(s => !s.Movable && s.Current?.RoomId == room.Id)
                .Select(s => (Minutes(s.Current!.StartsAt), Ceiling(s.Current.EndsAt) + Buffer)));
        var group = Group(ClashKind.RoomTime, room.Id);
        // The sessions that may move never share the room whatever the groups (the venue would refuse it); only the fixed blocks are a group.
        Model.AddNoOverlap(movable.Concat(Fixed(blocks, group, $"busy_{room.Id:N}")));
    }

    /// <summary>
    /// Per stock item that a session which may move needs: at no instant do the sessions placed and what the venue holds of it otherwise
    /// take more than the stock, exactly as the venue's stock rule judges a booking (BookingRules: the booking's own time, which for a
    /// session is its time without any changeover, against the other confirmed bookings' times with their buffers; periods half-open).
    /// The fixed demand is capped at the stock: what already overbooks it (a stock lowered after the bookings) only keeps the moving sessions
    /// away, as the venue would refuse them there, and does not make the whole model infeasible.
    /// </summary>
    private void AddEquipment()
    {
        var stock = (_problem.Stock ?? []).GroupBy(s => s.ItemId).ToDictionary(g => g.Key, g => g.First());
        var needs = _problem.Sessions.Where(s => s.Movable || s.Current is not null)
            .SelectMany(s => (s.Equipment ?? []).Where(e => e.Quantity > 0).Select(e => (e.ItemId, Session: s, e.Quantity)))
            .GroupBy(x => x.ItemId).Where(g => g.Any(x => _vars.ContainsKey(x.Session.Id)));
        foreach (var item in needs.OrderBy(g => g.Key))
        {
            var known = stock.GetValueOrDefault(item.Key);
            var capacity = (long)Math.Max(0, known?.Quantity ?? 0);
            var group = Group(ClashKind.EquipmentStock, item.Key);
            var cumulative = Model.AddCumulative(capacity);
            foreach (var session in item.GroupBy(x => x.Session.Id).Where(g => _vars.ContainsKey(g.Key)))
            {
                cumulative.AddDemand(Optional(_vars[session.Key], group), session.Sum(x => (long)x.Quantity));
            }

            var held = (known?.Held ?? []).Select(h => (From: Minutes(h.Time.From), Until: Ceiling(h.Time.Until), (long)h.Quantity))
                .Concat(item.Where(x => !_vars.ContainsKey(x.Session.Id))
                    .Select(x => (From: Minutes(x.Session.Current!.StartsAt), Until: Ceiling(x.Session.Current.EndsAt), (long)x.Quantity)));
            var index = 0;
            foreach (var (from, until, level) in Profile(held, capacity))
            {
                var block = group is null
                    ? Model.NewFixedSizeIntervalVar(from, until - from, $"held_{item.Key:N}_{index++}")
                    : Model.NewOptionalFixedSizeIntervalVar(from, until - from, group, $"held_{item.Key:N}_{index++}");
                cumulative.AddDemand(block, level);
            }
        }
    }

    /// <summary>
    /// The units held over time as steps of constant use within the horizon, each capped at <paramref name="capacity"/> (no step of zero):
    /// at one instant releases come before takes, as in the venue's count.
    /// </summary>
    private List<(long From, long Until, long Level)> Profile(IEnumerable<(long From, long Until, long Quantity)> uses, long capacity)
    {
        var changes = uses.Select(u => (From: Math.Max(0, u.From), Until: Math.Min(_horizon, u.Until), u.Quantity)).Where(u => u.Until > u.From && u.Quantity > 0)
            .SelectMany(u => new[] { (At: u.From, Delta: u.Quantity), (At: u.Until, Delta: -u.Quantity) })
            .GroupBy(c => c.At).Select(g => (At: g.Key, Delta: g.Sum(c => c.Delta))).OrderBy(c => c.At).ToList();
        var steps = new List<(long From, long Until, long Level)>();
        var level = 0L;
        for (var i = 0; i < changes.Count; i++)
        {
            level += changes[i].Delta;
            var capped = Math.Min(level, capacity);
            if (capped > 0 && i + 1 < changes.Count)
            {
                steps.Add((changes[i].At, changes[i + 1].At, capped));
            }
        }

        return steps;
    }

    /// <summary>The sessions' times never overlap: those that move by their intervals, those that stay as merged fixed blocks.</summary>
    private void NoOverlap(IReadOnlyList<ScheduleSession> sessions, BoolVar? group)
    {
        var movable = sessions.Where(s => _vars.ContainsKey(s.Id)).Select(s => Optional(_vars[s.Id], group)).ToList();
        var fixedBlocks = sessions.Where(s => !_vars.ContainsKey(s.Id)).Select(s => (Minutes(s.Current!.StartsAt), Ceiling(s.Current.EndsAt)));
        var all = movable.Concat(Fixed(fixedBlocks, group, "fixed")).ToList();
        if (all.Count > 1)
        {
            Model.AddNoOverlap(all);
        }
    }

    /// <summary>
    /// Between two of a person's sessions in different venues, the earlier one ends at least the travel time before the later one starts.
    /// Pairs of sessions that both stay are left alone: the solver does not judge what it cannot change.
    /// </summary>
    private void AddTravel(Guid person, IReadOnlyList<ScheduleSession> sessions)
    {
        var group = Group(ClashKind.PersonTravel, person);
        for (var i = 0; i < sessions.Count; i++)
        {
            for (var j = i + 1; j < sessions.Count; j++)
            {
                var (a, b) = (sessions[i], sessions[j]);
                if (!_vars.ContainsKey(a.Id) && !_vars.ContainsKey(b.Id))
                {
                    continue;
                }

                var (startA, endA, venuesA) = Ends(a);
                var (startB, endB, venuesB) = Ends(b);
                BoolVar? aFirst = null;
                foreach (var (venueA, inA) in venuesA)
                {
                    foreach (var (venueB, inB) in venuesB)
                    {
                        var travel = venueA == venueB ? 0 : _problem.Settings.TravelBetween(venueA, venueB);
                        if (travel <= 0)
                        {
                            continue;
                        }

                        if (aFirst is null)
                        {
                            aFirst = Model.NewBoolVar($"first_{a.Id:N}_{b.Id:N}");
                            if (HintedStart(a) is { } hintA && HintedStart(b) is { } hintB)
                            {
                                Model.AddHint(aFirst, hintA <= hintB);
                            }
                        }

                        Model.Add(startB >= endA + travel).OnlyEnforceIf(Literals(aFirst, inA, inB, group));
                        Model.Add(startA >= endB + travel).OnlyEnforceIf(Literals(aFirst.Not(), inA, inB, group));
                    }
                }
            }
        }
    }

    /// <summary>Where the hint starts a session (a session that stays: where it is).</summary>
    private long? HintedStart(ScheduleSession session) =>
        _vars.ContainsKey(session.Id) ? (Hinted(session.Id) ? _hint[session.Id].Start : null) : Minutes(session.Current!.StartsAt);

    private bool Hinted(Guid session) => _hint.TryGetValue(session, out var at) && _vars[session].Rooms.ContainsKey(at.Room);

    private (LinearExpr Start, LinearExpr End, IReadOnlyList<(Guid Venue, ILiteral? In)> Venues) Ends(ScheduleSession session)
    {
        if (_vars.TryGetValue(session.Id, out var v))
        {
            return (v.Start, v.Start + v.Length, [.. v.Venues.Select(x => (x.Key, (ILiteral?)x.Value))]);
        }

        var current = session.Current!;
        var venue = _rooms.TryGetValue(current.RoomId, out var room) ? room.VenueId : Guid.Empty;
        return (LinearExpr.Constant(Minutes(current.StartsAt)), LinearExpr.Constant(Ceiling(current.EndsAt)), [(venue, null)]);
    }

    /// <summary>
    /// The objective is the moves only: each session that leaves its previous placement costs <see cref="MoveCost"/>. A room's fit is no
    /// cost (trading seats against seats made the bound unprovable in time on the reference event: 4-7% gaps after 10 s); the search is
    /// hinted to the best-fitting room instead, so that sessions start from rooms their audience fills.
    /// </summary>
    private void AddObjective()
    {
        if (_explain)
        {
            return;
        }

        var terms = new List<LinearExpr>();
        foreach (var v in _vars.Values)
        {
            if (!_problem.Previous.TryGetValue(v.Session.Id, out var previous))
            {
                if (Hinted(v.Session.Id))
                {
                    continue;
                }

                var best = v.Rooms.Keys.Select(r => (Room: r, Seats: _rooms[r].SeatsFor(v.Session.Layout)))
                    .OrderBy(r => r.Seats >= v.Session.ExpectedAttendance ? 0 : 1).ThenBy(r => r.Seats).Select(r => (Guid?)r.Room).FirstOrDefault();
                if (best is { } room)
                {
                    Model.AddHint(v.Rooms[room], true);
                }

                continue;
            }

            // stays ⇒ same room and same start; minimising (1 - stays) makes it true whenever that is possible.
            var stays = Model.NewBoolVar($"stays_{v.Session.Id:N}");
            if (v.Rooms.TryGetValue(previous.RoomId, out var sameRoom))
            {
                Model.AddImplication(stays, sameRoom);
                Model.Add(v.Start == Minutes(previous.StartsAt)).OnlyEnforceIf(stays);
            }
            else
            {
                Model.Add(stays == 0);
            }

            v.Stays = stays;
            if (Hinted(v.Session.Id))
            {
                Model.AddHint(stays, _hint[v.Session.Id].Room == previous.RoomId && _hint[v.Session.Id].Start == Minutes(previous.StartsAt));
            }

            terms.Add(MoveCost - stays * MoveCost);
        }

        Model.Minimize(LinearExpr.Sum(terms));
    }

    /// <summary>The starts from which a session of <paramref name="length"/> minutes lies wholly within one of the windows.</summary>
    private Domain Starts(IEnumerable<TimeWindow> windows, long length)
    {
        var intervals = windows.Select(w => (From: Ceiling(w.From), Last: Minutes(w.Until) - length)).Where(w => w.Last >= w.From)
            .Select(w => new[] { w.From, w.Last }).ToArray();
        return intervals.Length == 0 ? new Domain(-1, -1) : Domain.FromIntervals(intervals);
    }

    private IEnumerable<IntervalVar> Fixed(IEnumerable<(long From, long Until)> blocks, BoolVar? group, string name)
    {
        // Blocks may overlap one another (two sessions that stay may clash already): merged, so that only what may move is judged.
        var merged = new List<(long From, long Until)>();
        foreach (var (from, until) in blocks.Where(b => b.Until > b.From).OrderBy(b => b.From))
        {
            if (merged.Count > 0 && from <= merged[^1].Until)
            {
                merged[^1] = (merged[^1].From, Math.Max(merged[^1].Until, until));
            }
            else
            {
                merged.Add((from, until));
            }
        }

        return merged.Select((b, i) => group is null
            ? Model.NewFixedSizeIntervalVar(b.From, b.Until - b.From, $"{name}_{i}")
            : Model.NewOptionalFixedSizeIntervalVar(b.From, b.Until - b.From, group, $"{name}_{i}"));
    }

    private IntervalVar Optional(SessionVars v, BoolVar? group) =>
        group is null ? v.Time : Model.NewOptionalFixedSizeIntervalVar(v.Start, v.Length, group, $"in_group_{v.Session.Id:N}");

    /// <summary>The literal of a constraint group, made once: only with explain (without, every group simply holds).</summary>
    private BoolVar? Group(ClashKind kind, Guid? subject, string? audience = null)
    {
        if (!_explain)
        {
            return null;
        }

        var key = new ScheduleClash(kind, subject, audience);
        if (!_groups.TryGetValue(key, out var literal))
        {
            literal = Model.NewBoolVar($"group_{kind}_{subject:N}_{_groups.Count}");
            _groups[key] = literal;
        }

        return literal;
    }

    private static ILiteral[] Literals(params ILiteral?[] literals) => [.. literals.OfType<ILiteral>()];

    private long Minutes(DateTimeOffset at) => (long)Math.Floor((at - _problem.Origin).TotalMinutes);

    private long Ceiling(DateTimeOffset at) => (long)Math.Ceiling((at - _problem.Origin).TotalMinutes);
}
