using Summit.Server.Programme.Rules;
using Summit.Server.Programme.Scheduling;
using Summit.Server.Venues;
using Summit.Server.Venues.Bookings;
using Summit.Server.Venues.Contracts;

namespace Summit.Tests.Programme.Scheduling;

/// <summary>
/// The solver on small hand-made problems: what it proposes is judged by the programme's one rules class (<see cref="ProgrammeRules"/>),
/// so a proposal that breaks a hard rule fails here whatever the model says.
/// </summary>
public sealed class ScheduleSolverTests
{
    private static readonly DateTimeOffset Day1 = new(2021, 9, 26, 0, 0, 0, TimeSpan.FromHours(8));
    private static readonly Guid Center = Guid.NewGuid();
    private static readonly Guid Expo = Guid.NewGuid();
    private static readonly Guid Minister = Guid.NewGuid();
    private static readonly Guid Professor = Guid.NewGuid();
    private static readonly Guid Kits = Guid.NewGuid();

    [Fact]
    public void Unplaced_sessions_are_placed_without_breaking_a_hard_rule()
    {
        var hall = Room(Center, 500);
        var small = Room(Center, 60);
        var sessions = new[]
        {
            Unplaced(90, 400, Minister),
            Unplaced(60, 50, Minister, Professor),
            Unplaced(60, 50, Professor),
            Unplaced(45, 300),
        };

        var problem = Problem([hall, small], sessions);
        var proposal = ScheduleSolver.Solve(problem);

        Assert.Equal(ScheduleStatus.Optimal, proposal.Status);
        Assert.Equal(sessions.Length, proposal.Moves.Count);
        Assert.All(proposal.Moves, m => Assert.Null(m.From));
        Assert.Empty(HardConflicts(problem, proposal));
        // 400 and 300 expected: only the hall seats them.
        Assert.Equal(hall.Id, proposal.Moves.Single(m => m.SessionId == sessions[0].Id).To.RoomId);
        Assert.Equal(hall.Id, proposal.Moves.Single(m => m.SessionId == sessions[3].Id).To.RoomId);
        Assert.Equal(0, proposal.Statistics.Gap);
        Assert.True(proposal.Statistics.WallSeconds > 0);
    }

    [Fact]
    public void Sessions_start_on_the_grid_within_the_rooms_open_hours()
    {
        var room = Room(Center, 100, opens: 9, closes: 12);
        var sessions = Enumerable.Range(0, 3).Select(_ => Unplaced(50, 80)).ToArray();

        var problem = Problem([room], sessions) with { GridMinutes = 15, Settings = Settings(buffer: 10) };
        var proposal = ScheduleSolver.Solve(problem);

        Assert.Equal(ScheduleStatus.Optimal, proposal.Status);
        Assert.All(proposal.Moves, m =>
        {
            Assert.Equal(0, (m.To.StartsAt - Day1).TotalMinutes % 15);
            Assert.InRange(m.To.StartsAt, Day1.AddHours(9), Day1.AddHours(12));
            Assert.True(m.To.EndsAt <= Day1.AddHours(12) || m.To.StartsAt >= Day1.AddDays(1).AddHours(9));
        });
        Assert.Empty(HardConflicts(problem, proposal));
    }

    [Fact]
    public void A_speaker_in_two_venues_gets_the_travel_time_between_them()
    {
        var hall = Room(Center, 100, opens: 9, closes: 11);
        var stage = Room(Expo, 100, opens: 9, closes: 11);
        var first = Unplaced(60, 80, Minister);
        var second = Unplaced(30, 80, Minister);
        // The hall is free 10:00-11:00 and the stage 09:00-10:00: the minister crosses between the venues, with 30 minutes to do it.
        var blockHall = Pinned(hall, Day1.AddHours(9), 60);
        var blockStage = Pinned(stage, Day1.AddHours(10), 60);

        var problem = Problem([hall, stage], [first, second, blockHall, blockStage], days: 1) with { Settings = Settings(travel: 30) };
        var proposal = ScheduleSolver.Solve(problem);

        Assert.Equal(ScheduleStatus.Optimal, proposal.Status);
        Assert.Empty(HardConflicts(problem, proposal));
        var a = proposal.Moves.Single(m => m.SessionId == first.Id).To;
        var b = proposal.Moves.Single(m => m.SessionId == second.Id).To;
        Assert.NotEqual(a.RoomId, b.RoomId);
        Assert.True(b.StartsAt >= a.EndsAt.AddMinutes(30) || a.StartsAt >= b.EndsAt.AddMinutes(30));
    }

    [Fact]
    public void Pinned_sessions_stay_and_the_others_keep_clear_of_them()
    {
        var room = Room(Center, 100, opens: 9, closes: 12);
        var pinned = Pinned(room, Day1.AddHours(10), 60, Minister);
        var loose = Unplaced(60, 80, Minister);

        var problem = Problem([room], [pinned, loose], days: 1);
        var proposal = ScheduleSolver.Solve(problem);

        Assert.Equal(ScheduleStatus.Optimal, proposal.Status);
        var move = Assert.Single(proposal.Moves);
        Assert.Equal(loose.Id, move.SessionId);
        Assert.False(move.To.StartsAt < pinned.Current!.EndsAt && pinned.Current.StartsAt < move.To.EndsAt);
        Assert.Empty(HardConflicts(problem, proposal));
    }

    [Fact]
    public void Sessions_of_one_audience_never_overlap()
    {
        var rooms = Enumerable.Range(0, 3).Select(_ => Room(Center, 100, opens: 9, closes: 12)).ToArray();
        var forum = "forum:" + Guid.NewGuid();
        var sessions = Enumerable.Range(0, 3).Select(_ => Unplaced(60, 50) with { Audiences = [forum] }).ToArray();

        var proposal = ScheduleSolver.Solve(Problem(rooms, sessions, days: 1));

        Assert.Equal(ScheduleStatus.Optimal, proposal.Status);
        var times = proposal.Moves.Select(m => m.To).OrderBy(p => p.StartsAt).ToList();
        Assert.True(times[0].EndsAt <= times[1].StartsAt && times[1].EndsAt <= times[2].StartsAt);
    }

    [Fact]
    public void A_rerun_moves_nothing_that_can_stay_and_only_what_must_move()
    {
        var room = Room(Center, 100, opens: 9, closes: 13);
        var other = Room(Center, 100, opens: 9, closes: 13);
        var a = Pinned(room, Day1.AddHours(9), 60, Minister) with { Movable = true };
        var b = Pinned(room, Day1.AddHours(10), 60, Professor) with { Movable = true };
        var c = Pinned(other, Day1.AddHours(9), 60) with { Movable = true };
        var previous = new[] { a, b, c }.ToDictionary(s => s.Id, s => s.Current!);

        var again = ScheduleSolver.Solve(Problem([room, other], [a, b, c], days: 1) with { Previous = previous });
        Assert.Equal(ScheduleStatus.Optimal, again.Status);
        Assert.Empty(again.Moves);
        Assert.Equal(0, again.MovedFromPrevious);

        // The minister is now only available from 11:00: exactly one session moves.
        var people = new Dictionary<Guid, PersonFacts> { [Minister] = new(Minister, [new TimeWindow(Day1.AddHours(11), Day1.AddHours(13))]) };
        var problem = Problem([room, other], [a, b, c], days: 1) with { Previous = previous, People = people };
        var forced = ScheduleSolver.Solve(problem);
        Assert.Equal(ScheduleStatus.Optimal, forced.Status);
        var move = Assert.Single(forced.Moves);
        Assert.Equal(a.Id, move.SessionId);
        Assert.Equal(1, forced.MovedFromPrevious);
        Assert.Equal(again.Statistics.Objective + ScheduleModel.MoveCost, forced.Statistics.Objective);
        Assert.Empty(HardConflicts(problem, forced));
    }

    [Fact]
    public void When_no_timetable_exists_the_clashing_constraints_are_named()
    {
        // Two rooms: the minister's two hours could only fit the one hour they give by being in both rooms at once.
        var people = new Dictionary<Guid, PersonFacts> { [Minister] = new(Minister, [new TimeWindow(Day1.AddHours(9), Day1.AddHours(10))]) };
        var sessions = new[] { Unplaced(60, 50, Minister), Unplaced(60, 50, Minister), Unplaced(60, 50) };

        var proposal = ScheduleSolver.Solve(Problem([Room(Center, 100), Room(Center, 100)], sessions) with { People = people, Settings = Settings(severity: RuleSeverity.BlockRelease) });

        Assert.Equal(ScheduleStatus.Infeasible, proposal.Status);
        Assert.Empty(proposal.Moves);
        Assert.Equal(
            [new ScheduleClash(ClashKind.PersonAvailability, Minister), new ScheduleClash(ClashKind.PersonOnePlace, Minister)],
            proposal.Clashes);
    }

    [Fact]
    public void A_session_larger_than_every_room_is_named_as_such()
    {
        var big = Unplaced(60, 900);

        var proposal = ScheduleSolver.Solve(Problem([Room(Center, 100), Room(Center, 300)], [big, Unplaced(60, 50)]) with
        {
            Settings = Settings(severity: RuleSeverity.BlockRelease, capacity: RuleSeverity.BlockRelease),
        });

        Assert.Equal(ScheduleStatus.Infeasible, proposal.Status);
        Assert.Equal([new ScheduleClash(ClashKind.Capacity, big.Id)], proposal.Clashes);
    }

    [Fact]
    public void Too_little_room_time_names_the_room_and_sessions_too_long_or_in_no_layout_are_refused_before_the_search()
    {
        var room = Room(Center, 100, opens: 9, closes: 11);
        var blocked = room with { Busy = [new TimeWindow(Day1.AddHours(9), Day1.AddHours(10))] };

        var crowded = ScheduleSolver.Solve(Problem([blocked], [Unplaced(60, 50), Unplaced(60, 50)], days: 1));
        Assert.Equal(ScheduleStatus.Infeasible, crowded.Status);
        Assert.Equal([new ScheduleClash(ClashKind.RoomTime, room.Id)], crowded.Clashes);

        var tooLong = Unplaced(180, 50);
        var boardroom = Unplaced(60, 10) with { Layout = SeatingLayout.Boardroom };
        var refused = ScheduleSolver.Solve(Problem([room], [tooLong, boardroom]));
        Assert.Equal(ScheduleStatus.Infeasible, refused.Status);
        Assert.Equal([new ScheduleClash(ClashKind.TooLong, tooLong.Id), new ScheduleClash(ClashKind.NoRoomInLayout, boardroom.Id)], refused.Clashes);
    }

    [Fact]
    public void Rules_below_the_hard_threshold_do_not_bind_the_solver()
    {
        var room = Room(Center, 100, opens: 9, closes: 10);
        var sessions = new[] { Unplaced(30, 50), Unplaced(30, 50) };
        var strict = Problem([room], sessions, days: 1) with { Settings = Settings(buffer: 10) };

        Assert.Equal(ScheduleStatus.Infeasible, ScheduleSolver.Solve(strict).Status);
        Assert.Equal(ScheduleStatus.Optimal, ScheduleSolver.Solve(strict with { Hardest = RuleSeverity.BlockRelease }).Status);
    }

    [Fact]
    public void Pruning_keeps_the_tightest_fitting_rooms_of_one_venue_and_the_previous_room()
    {
        var rooms = Enumerable.Range(0, 10).Select(_ => Room(Center, 100)).Concat(Enumerable.Range(0, 10).Select(_ => Room(Expo, 100)))
            .Concat(Enumerable.Range(0, 5).Select(_ => Room(Center, 300))).Concat(Enumerable.Range(0, 2).Select(_ => Room(Center, 50))).ToList();
        var session = Unplaced(60, 80) with { Audiences = ["forum:1"] };
        var again = Unplaced(60, 80) with { Audiences = ["forum:1"] };
        var hall = rooms[20];
        var problem = Problem(rooms, [session, again]) with
        {
            Previous = new Dictionary<Guid, SchedulePlacement> { [again.Id] = new(hall.Id, Day1.AddHours(9), Day1.AddHours(10)) },
        };

        var chosen = ScheduleCandidates.Choose(problem, perSession: 6, pruneAbove: 0)!;

        var fresh = chosen[session.Id];
        Assert.Equal(6, fresh.Count);
        Assert.All(fresh, r => Assert.Equal(100, r.SeatsFor(SeatingLayout.Theatre)));
        Assert.Single(fresh.Select(r => r.VenueId).Distinct());
        // A re-run can always stay: the previous room is among the candidates, then the tightest that fit.
        Assert.Equal(hall.Id, chosen[again.Id][0].Id);
        Assert.All(chosen[again.Id].Skip(1), r => Assert.Equal(100, r.SeatsFor(SeatingLayout.Theatre)));
        // Small problems keep every room that fits.
        Assert.Null(ScheduleCandidates.Choose(problem));
    }

    [Fact]
    public void A_pruned_model_proved_infeasible_is_solved_again_with_every_room()
    {
        // The workshop (classroom layout) fits only the studio, 09:00-10:00. The talk is pruned to the tightest room, which the venue holds
        // all day; the first timetable (the hint) then puts the talk in the studio at 09:00, the next best fit, so the workshop finds no
        // place and keeps only the studio: the pruned model has no timetable, while with every room the talk goes to the hall.
        var studio = Room(Center, 200, opens: 9, closes: 10) with
        {
            Seats = new Dictionary<SeatingLayout, int> { [SeatingLayout.Theatre] = 200, [SeatingLayout.Classroom] = 160 },
        };
        var held = Room(Center, 100, opens: 9, closes: 11) with { Busy = [new TimeWindow(Day1, Day1.AddDays(1))] };
        var hall = Room(Center, 500, opens: 9, closes: 11);
        var workshop = Unplaced(60, 150) with { Layout = SeatingLayout.Classroom };
        var talk = Unplaced(30, 50, Professor);
        var problem = Problem([studio, held, hall], [workshop, talk], days: 1);
        var pruned = ScheduleCandidates.Choose(problem, perSession: 1, pruneAbove: 0)!;
        Assert.Equal([held.Id], pruned[talk.Id].Select(r => r.Id));
        Assert.Equal([studio.Id], pruned[workshop.Id].Select(r => r.Id));

        var proposal = ScheduleSolver.Solve(problem, perSession: 1, pruneAbove: 0);

        Assert.Equal(ScheduleStatus.Optimal, proposal.Status);
        Assert.Equal(hall.Id, proposal.Moves.Single(m => m.SessionId == talk.Id).To.RoomId);
        Assert.Equal(studio.Id, proposal.Moves.Single(m => m.SessionId == workshop.Id).To.RoomId);
        Assert.Empty(HardConflicts(problem, proposal));
    }

    [Fact]
    public void A_large_problem_is_pruned_hinted_and_placed_without_breaking_a_hard_rule()
    {
        var rooms = Enumerable.Range(0, 12).Select(i => Room(i % 2 == 0 ? Center : Expo, i < 4 ? 300 : 100, opens: 9, closes: 17)).ToList();
        var people = Enumerable.Range(0, 30).Select(_ => Guid.NewGuid()).ToList();
        var sessions = Enumerable.Range(0, 60).Select(i =>
        {
            var session = Unplaced(15 * (2 + i % 5), i % 7 == 0 ? 250 : 60, people[i % 30], people[(i * 7 + 3) % 30]);
            return session with { Audiences = [$"forum:{i / 6}"] };
        }).ToList();
        var problem = Problem(rooms, sessions) with
        {
            GridMinutes = 15,
            Settings = Settings(buffer: 10, travel: 20),
        };

        var proposal = ScheduleSolver.Solve(problem, perSession: 3, pruneAbove: 0);

        Assert.Equal(ScheduleStatus.Optimal, proposal.Status);
        Assert.Equal(sessions.Count, proposal.Moves.Count);
        Assert.Empty(HardConflicts(problem, proposal));
    }

    [Fact]
    public void Sessions_that_need_most_of_the_kits_are_kept_apart_in_time_though_two_rooms_are_free()
    {
        var rooms = new[] { Room(Center, 100, opens: 9, closes: 11), Room(Center, 100, opens: 9, closes: 11) };
        var sessions = new[] { Unplaced(60, 50) with { Equipment = [new(Kits, 3)] }, Unplaced(60, 50) with { Equipment = [new(Kits, 3)] } };
        var problem = Problem(rooms, sessions, days: 1) with { Stock = [new ScheduleStock(Kits, 4, [])] };

        var proposal = ScheduleSolver.Solve(problem);

        Assert.Equal(ScheduleStatus.Optimal, proposal.Status);
        var times = proposal.Moves.Select(m => m.To).OrderBy(p => p.StartsAt).ToList();
        Assert.Equal(2, times.Count);
        Assert.True(times[0].EndsAt <= times[1].StartsAt);
        Assert.Empty(HardConflicts(problem, proposal));
        Assert.Empty(StockShortages(problem, proposal));
    }

    [Fact]
    public void What_a_venue_booking_holds_of_the_stock_is_fixed_demand_and_a_kit_returned_at_ten_can_be_taken_at_ten()
    {
        // The venue lends 2 of the 4 kits to another booking 09:00-10:00 (its buffers included): a session needing 3 can start at 10:00.
        var room = Room(Center, 100, opens: 9, closes: 11);
        var session = Unplaced(60, 50) with { Equipment = [new(Kits, 3)] };
        var held = new ScheduleStockUse(new TimeWindow(Day1.AddHours(9), Day1.AddHours(10)), 2);
        var problem = Problem([room], [session], days: 1) with { Stock = [new ScheduleStock(Kits, 4, [held])] };

        var proposal = ScheduleSolver.Solve(problem);

        Assert.Equal(ScheduleStatus.Optimal, proposal.Status);
        Assert.Equal(Day1.AddHours(10), Assert.Single(proposal.Moves).To.StartsAt);
        Assert.Empty(StockShortages(problem, proposal));
    }

    [Fact]
    public void A_stock_too_short_for_what_stays_names_the_equipment_and_an_ignored_rule_does_not_bind()
    {
        // All day long the pinned sessions and a venue booking together hold 3 or all 4 of the 4 kits: a session needing 2 has no time.
        var rooms = new[] { Room(Center, 100), Room(Center, 100), Room(Center, 100) };
        var morning = Pinned(rooms[0], Day1, 12 * 60) with { Equipment = [new(Kits, 3)] };
        var evening = Pinned(rooms[1], Day1.AddHours(12), 12 * 60) with { Equipment = [new(Kits, 3)] };
        var held = new ScheduleStockUse(new TimeWindow(Day1.AddHours(10), Day1.AddHours(24)), 1);
        var loose = Unplaced(60, 50) with { Equipment = [new(Kits, 2)] };
        var problem = Problem(rooms, [morning, evening, loose], days: 1) with
        {
            Stock = [new ScheduleStock(Kits, 4, [held])],
            Settings = Settings(severity: RuleSeverity.BlockRelease),
        };

        var refused = ScheduleSolver.Solve(problem);

        Assert.Equal(ScheduleStatus.Infeasible, refused.Status);
        Assert.Empty(refused.Moves);
        Assert.Equal([new ScheduleClash(ClashKind.EquipmentStock, Kits)], refused.Clashes);

        // One kit fewer needed: 09:00-10:00 leaves it, and nothing else.
        var fits = ScheduleSolver.Solve(problem with { Sessions = [morning, evening, loose with { Equipment = [new(Kits, 1)] }] });
        Assert.Equal(ScheduleStatus.Optimal, fits.Status);
        Assert.True(Assert.Single(fits.Moves).To.EndsAt <= Day1.AddHours(10));

        // The rule set to Ignore (or a warning while only the rules that refuse or stop the release are kept): the stock does not bind.
        var ignored = problem with
        {
            Settings = problem.Settings with
            {
                Severities = new Dictionary<ConflictRule, RuleSeverity>(problem.Settings.Severities)
                {
                    [ConflictRule.EquipmentMissing] = RuleSeverity.Ignore,
                }
            }
        };
        Assert.Equal(ScheduleStatus.Optimal, ScheduleSolver.Solve(ignored).Status);
        var warned = problem with { Settings = Settings(severity: RuleSeverity.Warn), Hardest = RuleSeverity.BlockRelease };
        Assert.Equal(ScheduleStatus.Optimal, ScheduleSolver.Solve(warned).Status);
    }

    [Fact]
    public void With_the_rule_ignored_two_sessions_share_the_one_open_hour_whatever_the_kits()
    {
        var rooms = new[] { Room(Center, 100, opens: 9, closes: 10), Room(Center, 100, opens: 9, closes: 10) };
        var sessions = new[] { Unplaced(60, 50) with { Equipment = [new(Kits, 3)] }, Unplaced(60, 50) with { Equipment = [new(Kits, 3)] } };
        var hard = Problem(rooms, sessions, days: 1) with { Stock = [new ScheduleStock(Kits, 4, [])] };
        var ignored = hard with
        {
            Settings = Settings() with
            {
                Severities = Enum.GetValues<ConflictRule>()
            .ToDictionary(r => r, r => r == ConflictRule.EquipmentMissing ? RuleSeverity.Ignore : RuleSeverity.Warn)
            }
        };

        Assert.Equal(ScheduleStatus.Infeasible, ScheduleSolver.Solve(hard).Status);
        var proposal = ScheduleSolver.Solve(ignored);
        Assert.Equal(ScheduleStatus.Optimal, proposal.Status);
        Assert.All(proposal.Moves, m => Assert.Equal(Day1.AddHours(9), m.To.StartsAt));
        Assert.Equal(2, StockShortages(hard, proposal).Count);
    }

    private static ScheduleRoom Room(Guid venue, int seats, int? opens = null, int? closes = null)
    {
        var open = Enumerable.Range(0, 3).Select(d => opens is { } o && closes is { } c
            ? new TimeWindow(Day1.AddDays(d).AddHours(o), Day1.AddDays(d).AddHours(c))
            : new TimeWindow(Day1.AddDays(d), Day1.AddDays(d + 1))).ToList();
        return new ScheduleRoom(Guid.NewGuid(), venue, new Dictionary<SeatingLayout, int> { [SeatingLayout.Theatre] = seats }, open, []);
    }

    private static ScheduleSession Unplaced(int minutes, int attendance, params Guid[] people) =>
        new(Guid.NewGuid(), minutes, SeatingLayout.Theatre, attendance, people, [], null, true);

    private static ScheduleSession Pinned(ScheduleRoom room, DateTimeOffset start, int minutes, params Guid[] people) =>
        new(Guid.NewGuid(), minutes, SeatingLayout.Theatre, 10, people, [], new SchedulePlacement(room.Id, start, start.AddMinutes(minutes)), false);

    private static RuleSettings Settings(int buffer = 0, int travel = 0, RuleSeverity severity = RuleSeverity.Warn, RuleSeverity? capacity = null) =>
        new(Enum.GetValues<ConflictRule>().ToDictionary(r => r, r => r == ConflictRule.CapacityBelowDemand && capacity is { } c ? c : severity), buffer, travel,
            new Dictionary<(Guid, Guid), int>(), []);

    private static ScheduleProblem Problem(IReadOnlyList<ScheduleRoom> rooms, IReadOnlyList<ScheduleSession> sessions, int days = 3) =>
        new(Day1, days, 5, rooms, sessions, new Dictionary<Guid, PersonFacts>(), Settings(), new Dictionary<Guid, SchedulePlacement>(), new ScheduleLimits(10));

    /// <summary>
    /// The sessions placed by the proposal whose equipment the venue's own stock rule (<see cref="BookingRules.PeakUse"/>) would find short:
    /// each judged against the other sessions where the proposal leaves them and what the venue holds otherwise.
    /// </summary>
    private static List<Guid> StockShortages(ScheduleProblem problem, ScheduleProposal proposal)
    {
        var moves = proposal.Moves.ToDictionary(m => m.SessionId, m => m.To);
        var sessions = problem.Sessions.Where(s => moves.ContainsKey(s.Id) || s.Current is not null).Select(s =>
        {
            var at = moves.GetValueOrDefault(s.Id) ?? s.Current!;
            return (Session: (Guid?)s.Id, Booking: BookingOf(at.StartsAt, at.EndsAt, (s.Equipment ?? []).Select(e => (e.ItemId, e.Quantity))));
        });
        var venue = (problem.Stock ?? []).SelectMany(i => i.Held.Select(h => (Session: (Guid?)null, Booking: BookingOf(h.Time.From, h.Time.Until, [(i.ItemId, h.Quantity)]))));
        var bookings = sessions.Concat(venue).ToList();
        var stock = (problem.Stock ?? []).ToDictionary(i => i.ItemId, i => i.Quantity);
        bool Short(Booking booking, BookingEquipment line)
        {
            var others = bookings.Select(o => o.Booking)
                .Where(o => o != booking && BookingRules.Overlaps(o.BlockedFrom, o.BlockedUntil, booking.BlockedFrom, booking.BlockedUntil)).ToList();
            return line.Quantity > stock.GetValueOrDefault(line.EquipmentItemId)
                - BookingRules.PeakUse(line.EquipmentItemId, others, booking.BlockedFrom, booking.BlockedUntil);
        }

        return [.. bookings.Where(b => b.Session is { } id && moves.ContainsKey(id) && b.Booking.Equipment.Any(l => Short(b.Booking, l)))
            .Select(b => b.Session!.Value)];
    }

    private static Booking BookingOf(DateTimeOffset from, DateTimeOffset until, IEnumerable<(Guid Item, int Quantity)> lines)
    {
        var booking = new Booking
        {
            State = BookingState.Confirmed,
            Equipment = [.. lines.Select(l => new BookingEquipment { EquipmentItemId = l.Item, Quantity = l.Quantity })],
        };
        booking.SetTimes(from, until, 0, 0);
        return booking;
    }

    /// <summary>The timetable after the proposal, judged by the programme's rules: the conflicts whose rules the solver had to keep.</summary>
    private static List<ProgrammeConflict> HardConflicts(ScheduleProblem problem, ScheduleProposal proposal) =>
        [.. ProgrammeRules.Check(problem.Facts(proposal), problem.People, problem.Settings).Where(c => problem.IsHard(c.Rule))];
}
