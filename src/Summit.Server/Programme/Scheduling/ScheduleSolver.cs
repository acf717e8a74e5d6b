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

    public static ScheduleProposal Solve(ScheduleProblem problem)
    {
        var precheck = Precheck(problem);
        if (precheck.Count > 0)
        {
            return new ScheduleProposal(ScheduleStatus.Infeasible, [], 0, precheck, new ScheduleStatistics(0, 0, 0, 0, 0, 0, 0, problem.Limits.Workers));
        }

        var built = new ScheduleModel(problem, explain: false);
        using var solver = Solver(problem.Limits, problem.Limits.Workers, problem.Limits.TimeLimitSeconds);
        var status = solver.Solve(built.Model);
        var statistics = Statistics(solver, problem.Limits.Workers);
        return status switch
        {
            CpSolverStatus.Optimal or CpSolverStatus.Feasible => Read(problem, built, solver, status, statistics),
            CpSolverStatus.Infeasible => new ScheduleProposal(ScheduleStatus.Infeasible, [], 0, Explain(problem), statistics),
            CpSolverStatus.Unknown => new ScheduleProposal(ScheduleStatus.Unknown, [], 0, [], statistics),
            _ => throw new InvalidOperationException($"CP-SAT refused the scheduling model ({status}): {built.Model.Validate()}"),
        };
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

    private static ScheduleStatistics Statistics(CpSolver solver, int workers)
    {
        var response = solver.Response ?? new CpSolverResponse();
        return new ScheduleStatistics(response.ObjectiveValue, response.BestObjectiveBound, response.WallTime, response.UserTime, response.NumBranches,
            response.NumConflicts, response.NumBooleans, workers);
    }

    /// <summary>The hard rules a problem is solved with, for the reader: those whose severity is at least the problem's threshold.</summary>
    public static IReadOnlyList<ConflictRule> HardRules(ScheduleProblem problem) => [.. Enum.GetValues<ConflictRule>().Where(problem.IsHard)];
}
