using System.Globalization;
using Google.OrTools.Sat;
using Summit.Server.Programme.Rules;

namespace Summit.Server.Programme.Scheduling;

/// <summary>
/// Places the sessions of a <see cref="ScheduleProblem"/> with CP-SAT (docs/adr/0033): pure, it reads nothing but the problem, so it is tested
/// with small hand-made problems and measured on generated ones. When no timetable exists it names the groups of constraints that cannot
/// hold together (the solver's sufficient assumptions, then narrowed by taking each out in turn), never an empty answer.
/// </summary>
public static class ScheduleSolver
{
    /// <summary>At most this many extra solves narrow an explanation down.</summary>
    private const int MaxNarrowingSolves = 24;

    public static ScheduleProposal Solve(ScheduleProblem problem) => Solve(problem, ScheduleCandidates.PerSession, ScheduleCandidates.PruneAbove);

    /// <summary>
    /// Solves with each session's rooms pruned to <paramref name="perSession"/> once the problem has more than <paramref name="pruneAbove"/>
    /// room choices (<see cref="ScheduleCandidates"/>), from a first timetable as hint (<see cref="ScheduleGreedy"/>). A pruned model proved
    /// infeasible is solved again with every room that fits, in the time left: pruning never turns a timetable that exists into "none".
    /// </summary>
    internal static ScheduleProposal Solve(ScheduleProblem problem, int perSession, int pruneAbove)
    {
        var precheck = Precheck(problem);
        if (precheck.Count > 0)
        {
            return new ScheduleProposal(ScheduleStatus.Infeasible, [], 0, precheck, new ScheduleStatistics(0, 0, 0, 0, 0, 0, 0, problem.Limits.Workers));
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var pruned = ScheduleCandidates.Choose(problem, perSession, pruneAbove);
        var (built, solver, status) = SolveOnce(problem, pruned, problem.Limits.TimeLimitSeconds);
        var statistics = Statistics(solver, problem.Limits.Workers);
        var left = problem.Limits.TimeLimitSeconds - clock.Elapsed.TotalSeconds;
        if (status == CpSolverStatus.Infeasible && pruned is not null && left > 0.1)
        {
            solver.Dispose();
            (built, solver, status) = SolveOnce(problem, null, left);
            statistics = Sum(statistics, Statistics(solver, problem.Limits.Workers));
        }

        using var _ = solver;
        return status switch
        {
            CpSolverStatus.Optimal or CpSolverStatus.Feasible => Read(problem, built, solver, status, statistics),
            CpSolverStatus.Infeasible => new ScheduleProposal(ScheduleStatus.Infeasible, [], 0, Explain(problem), statistics),
            CpSolverStatus.Unknown => new ScheduleProposal(ScheduleStatus.Unknown, [], 0, [], statistics),
            _ => throw new InvalidOperationException($"CP-SAT refused the scheduling model ({status}): {built.Model.Validate()}"),
        };
    }

    /// <summary>The model with the candidate rooms given (null: every room that fits) and the greedy first timetable as hint, solved.</summary>
    private static (ScheduleModel Built, CpSolver Solver, CpSolverStatus Status) SolveOnce(
        ScheduleProblem problem, Dictionary<Guid, IReadOnlyList<ScheduleRoom>>? pruned, double seconds)
    {
        var candidates = pruned ?? problem.Sessions.Where(s => s.Movable).ToDictionary(s => s.Id, s => ScheduleModel.Fitting(problem, s, explain: false));
        // The greedy start helps only a large, pruned model get through presolve; on the reference event's size it steered CP-SAT away
        // from the optimum it proves unhinted in seconds (docs/benchmarks.md), so a small model is solved without it.
        var hint = pruned is null ? new Dictionary<Guid, (Guid Room, long Start)>() : ScheduleGreedy.Place(problem, candidates, s => ScheduleModel.Fitting(problem, s, explain: false));
        foreach (var (session, at) in hint.Where(h => !candidates[h.Key].Any(r => r.Id == h.Value.Room)))
        {
            // The greedy found a place only outside the session's pruned rooms: that room becomes one of its candidates too.
            candidates[session] = [.. candidates[session], problem.Rooms.First(r => r.Id == at.Room)];
        }

        var built = new ScheduleModel(problem, explain: false, candidates, hint);
        var solver = Solver(problem.Limits, problem.Limits.Workers, seconds);
        return (built, solver, solver.Solve(built.Model));
    }

    /// <summary>The timetable found: every session placed or moved (a session left where it was is no move), and how many left their previous place.</summary>
    private static ScheduleProposal Read(ScheduleProblem problem, ScheduleModel built, CpSolver solver, CpSolverStatus status, ScheduleStatistics statistics)
    {
        var moves = new List<ScheduleMove>();
        var moved = 0;
        foreach (var v in built.Sessions.Values.OrderBy(v => v.Session.Id))
        {
            var room = v.Rooms.First(r => solver.BooleanValue(r.Value)).Key;
            var start = problem.Origin.AddMinutes(solver.Value(v.Start));
            var to = new SchedulePlacement(room, start, start.AddMinutes(v.Length));
            if (to != v.Session.Current)
            {
                moves.Add(new ScheduleMove(v.Session.Id, v.Session.Current, to));
            }

            if (problem.Previous.TryGetValue(v.Session.Id, out var previous) && (previous.RoomId != to.RoomId || previous.StartsAt != to.StartsAt))
            {
                moved++;
            }
        }

        return new ScheduleProposal(status == CpSolverStatus.Optimal ? ScheduleStatus.Optimal : ScheduleStatus.Feasible, moves, moved, [], statistics);
    }

    /// <summary>What makes a timetable impossible before any search: a session no room can be set out for, or too long for every open period.</summary>
    private static List<ScheduleClash> Precheck(ScheduleProblem problem)
    {
        var found = new List<ScheduleClash>();
        foreach (var session in problem.Sessions.Where(s => s.Movable))
        {
            var rooms = problem.Rooms.Where(r => r.SeatsFor(session.Layout) > 0).ToList();
            if (rooms.Count == 0)
            {
                found.Add(new ScheduleClash(ClashKind.NoRoomInLayout, session.Id));
            }
            else if (!rooms.Any(r => r.Open.Any(w => (w.Until - w.From).TotalMinutes >= session.Minutes)))
            {
                found.Add(new ScheduleClash(ClashKind.TooLong, session.Id));
            }
        }

        return found;
    }

    /// <summary>
    /// Solves again with each constraint group under an assumption literal: CP-SAT's sufficient assumptions name groups that cannot all hold;
    /// each is then left out in turn and kept out when the rest still cannot hold, so the answer names few groups, each needed.
    /// </summary>
    private static List<ScheduleClash> Explain(ScheduleProblem problem)
    {
        var built = new ScheduleModel(problem, explain: true);
        var byIndex = built.Groups.ToDictionary(g => g.Value.GetIndex(), g => g.Key);
        var core = built.Groups.Values.ToList();
        var budget = problem.Limits.TimeLimitSeconds;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        double Left() => budget - clock.Elapsed.TotalSeconds;

        List<BoolVar>? Infeasible(IReadOnlyList<BoolVar> assumed)
        {
            built.Model.ClearAssumptions();
            built.Model.AddAssumptions(assumed);
            using var solver = Solver(problem.Limits, 1, Math.Max(0.1, Left()));
            return solver.Solve(built.Model) == CpSolverStatus.Infeasible
                ? [.. solver.SufficientAssumptionsForInfeasibility().Where(byIndex.ContainsKey).Select(i => built.Groups[byIndex[i]])]
                : null;
        }

        var first = Infeasible(core);
        if (first is null || first.Count == 0)
        {
            return [new ScheduleClash(ClashKind.Unexplained)];
        }

        core = first;
        for (var i = 0; i < core.Count && i < MaxNarrowingSolves && Left() > 0.1; i++)
        {
            var without = core.Where((_, k) => k != i).ToList();
            if (without.Count > 0 && Infeasible(without) is { Count: > 0 } smaller)
            {
                core = smaller;
                i = -1;
            }
        }

        return [.. core.Select(c => byIndex[c.GetIndex()]).OrderBy(c => c.Kind).ThenBy(c => c.SubjectId).ThenBy(c => c.Audience, StringComparer.Ordinal)];
    }

    private static CpSolver Solver(ScheduleLimits limits, int workers, double seconds) => new()
    {
        StringParameters = string.Create(CultureInfo.InvariantCulture,
            $"num_workers:{workers},max_time_in_seconds:{seconds:0.###},max_memory_in_mb:{limits.MaxMemoryMb},random_seed:7,log_search_progress:false"),
    };

    /// <summary>Two solves one after the other: their times, branches and conflicts added, the second's objective, bound and Booleans.</summary>
    private static ScheduleStatistics Sum(ScheduleStatistics first, ScheduleStatistics second) => second with
    {
        WallSeconds = first.WallSeconds + second.WallSeconds,
        UserSeconds = first.UserSeconds + second.UserSeconds,
        Branches = first.Branches + second.Branches,
        Conflicts = first.Conflicts + second.Conflicts,
    };

    private static ScheduleStatistics Statistics(CpSolver solver, int workers)
    {
        var response = solver.Response ?? new CpSolverResponse();
        return new ScheduleStatistics(response.ObjectiveValue, response.BestObjectiveBound, response.WallTime, response.UserTime, response.NumBranches,
            response.NumConflicts, response.NumBooleans, workers);
    }

    /// <summary>The hard rules a problem is solved with, for the reader: those whose severity is at least the problem's threshold.</summary>
    public static IReadOnlyList<ConflictRule> HardRules(ScheduleProblem problem) => [.. Enum.GetValues<ConflictRule>().Where(problem.IsHard)];
}
