using System.Diagnostics;
using System.Globalization;
using Summit.Server.Programme.Rules;
using Summit.Server.Programme.Scheduling;

namespace Summit.Benchmarks;

/// <summary>
/// The programme's solver on generated problems (<see cref="ScheduleScenarios"/>), and the conflict check of one edit:
/// <c>schedule [--case reference|rerun|synthetic|equipment|rules] [--kits 12] [--seed 2021] [--workers 1] [--seconds 10] [--sessions 1000 --rooms 60 --days 5] [--count 1000]</c>.
/// Prints the solver's own statistics (status, objective, bound, gap, wall and CPU time, branches, conflicts, Booleans) and checks every
/// proposal with <see cref="ProgrammeRules"/>: a hard conflict stops the command. Goals (issue 13): the reference event proven optimal or
/// within 1% of its bound in under 10 s on one worker; 1,000 sessions in 60 rooms over five days in under 60 s; the rules of the reference
/// event after one edit in under 20 ms.
/// </summary>
public static class ScheduleBench
{
    public static int Run(string[] args)
    {
        var seed = CommandLine.Int(args, "--seed", 2021);
        var workers = Math.Max(1, CommandLine.Int(args, "--workers", 1));
        var which = CommandLine.Text(args, "--case", "reference");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// schedule --case {which} --seed {seed}: {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        switch (which)
        {
            case "reference":
                Solve("reference event", ScheduleScenarios.Reference(seed, new ScheduleLimits(CommandLine.Int(args, "--seconds", 10), workers)));
                return 0;
            case "synthetic":
                var sessions = CommandLine.Int(args, "--sessions", 1000);
                var rooms = CommandLine.Int(args, "--rooms", 60);
                var days = CommandLine.Int(args, "--days", 5);
                Solve($"synthetic {sessions} sessions, {rooms} rooms, {days} days",
                    ScheduleScenarios.Synthetic(seed, sessions, rooms, days, new ScheduleLimits(CommandLine.Int(args, "--seconds", 60), workers)));
                return 0;
            case "rerun":
                Rerun(ScheduleScenarios.Reference(seed, new ScheduleLimits(CommandLine.Int(args, "--seconds", 10), workers)), CommandLine.Int(args, "--edits", 10));
                return 0;
            case "equipment":
                var kits = CommandLine.Int(args, "--kits", 12);
                Solve($"reference event, {kits} interpretation kits",
                    ScheduleScenarios.WithKits(ScheduleScenarios.Reference(seed, new ScheduleLimits(CommandLine.Int(args, "--seconds", 10), workers)), seed, kits));
                return 0;
            case "rules":
                Rules(ScheduleScenarios.Reference(seed, new ScheduleLimits(10, workers)), CommandLine.Int(args, "--count", 1000));
                return 0;
            default:
                throw new ArgumentException($"--case is reference, rerun, synthetic, equipment or rules, not '{which}'.");
        }
    }

    /// <summary>The most units of an item the placed sessions and the venue's other bookings take at one instant (releases before takes).</summary>
    private static int PeakUse(ScheduleProblem problem, ScheduleProposal proposal, ScheduleStock item)
    {
        var moves = proposal.Moves.ToDictionary(m => m.SessionId, m => m.To);
        var uses = problem.Sessions.Select(s => (At: moves.GetValueOrDefault(s.Id) ?? s.Current, Quantity: (s.Equipment ?? []).Where(e => e.ItemId == item.ItemId).Sum(e => e.Quantity)))
            .Where(u => u.At is not null && u.Quantity > 0).Select(u => (u.At!.StartsAt, u.At.EndsAt, u.Quantity))
            .Concat(item.Held.Select(h => (StartsAt: h.Time.From, EndsAt: h.Time.Until, h.Quantity)));
        var peak = 0;
        var use = 0;
        foreach (var change in uses.SelectMany(u => new[] { (At: u.StartsAt, Delta: u.Quantity), (At: u.EndsAt, Delta: -u.Quantity) }).OrderBy(c => c.At).ThenBy(c => c.Delta))
        {
            use += change.Delta;
            peak = Math.Max(peak, use);
        }

        return peak;
    }

    private static ScheduleProposal Solve(string name, ScheduleProblem problem)
    {
        var assignments = problem.Sessions.Sum(s => s.People.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// {name}: {problem.Sessions.Count} sessions ({problem.Sessions.Count(s => s.Movable)} to place), {problem.Rooms.Count} rooms, {problem.Days} days, " +
            $"{assignments} speaker assignments, {problem.People.Values.Count(p => p.Availability.Count > 0)} people with windows, grid {problem.GridMinutes} min, " +
            $"{problem.Limits.Workers} worker(s), limit {problem.Limits.TimeLimitSeconds} s"));
        var clock = Stopwatch.StartNew();
        var proposal = ScheduleSolver.Solve(problem);
        clock.Stop();
        var s = proposal.Statistics;
        Console.WriteLine("| Case | Status | Placed | Objective | Bound | Gap | Solver wall | Solver CPU | Call wall | Branches | Conflicts | Booleans | Workers |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {proposal.Status} | {proposal.Moves.Count} | {s.Objective:0} | {s.Bound:0.##} | {s.Gap:P2} | {s.WallSeconds:0.00} s | {s.UserSeconds:0.00} s | " +
            $"{clock.Elapsed.TotalSeconds:0.00} s | {s.Branches:N0} | {s.Conflicts:N0} | {s.Booleans:N0} | {s.Workers} |"));
        if (proposal.Status is ScheduleStatus.Optimal or ScheduleStatus.Feasible)
        {
            var hard = ProgrammeRules.Check(problem.Facts(proposal), problem.People, problem.Settings).Where(c => problem.IsHard(c.Rule)).ToList();
            Console.WriteLine($"// checked by ProgrammeRules: {hard.Count} hard conflict(s)");
            if (hard.Count > 0)
            {
                throw new InvalidOperationException($"The proposal breaks hard rules: {string.Join("; ", hard.Take(5))}");
            }

            if (problem.IsHard(ConflictRule.EquipmentMissing) && problem.Stock is { Count: > 0 } stock)
            {
                var peaks = stock.Select(i => (Item: i, Peak: PeakUse(problem, proposal, i))).ToList();
                Console.WriteLine($"// equipment: {string.Join(", ", peaks.Select(p => $"{p.Item.ItemId:N}: peak {p.Peak} of {p.Item.Quantity}"))}");
                if (peaks.Any(p => p.Peak > p.Item.Quantity))
                {
                    throw new InvalidOperationException("The proposal takes more equipment than the stock at some time.");
                }
            }
        }
        else
        {
            Console.WriteLine($"// clashes: {string.Join("; ", proposal.Clashes)}");
        }

        return proposal;
    }

    /// <summary>
    /// The reference event placed, then <paramref name="edits"/> speakers of sessions on the first day become unavailable that day, and the
    /// solver runs again with every session free to move and the first placement as the previous one: the fewest moves, proven.
    /// </summary>
    private static void Rerun(ScheduleProblem problem, int edits)
    {
        var first = ScheduleSolver.Solve(problem);
        if (first.Status is not (ScheduleStatus.Optimal or ScheduleStatus.Feasible))
        {
            // Nothing to run again from (the first placement was not found in time, e.g. on a loaded machine): said, not a crash.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"// re-run: the first placement was not found ({first.Status}, {first.Statistics.WallSeconds:0.00} s, {first.Statistics.Branches:N0} branches)"));
            return;
        }

        var placed = problem.Sessions.Select(s => first.Moves.FirstOrDefault(m => m.SessionId == s.Id) is { } m ? s with { Current = m.To } : s).ToList();
        var dayTwo = problem.Origin.AddDays(1);
        var losing = placed.Where(s => s.Movable && s.Current!.StartsAt < dayTwo).SelectMany(s => s.People).Distinct().Take(edits).ToHashSet();
        var people = problem.People.ToDictionary(p => p.Key, p => losing.Contains(p.Key)
            ? new PersonFacts(p.Key, [new TimeWindow(dayTwo, problem.Origin.AddDays(problem.Days))])
            : p.Value);
        var again = problem with
        {
            Sessions = placed,
            People = people,
            Previous = placed.Where(s => s.Current is not null).ToDictionary(s => s.Id, s => s.Current!),
        };
        var proposal = Solve($"re-run after {losing.Count} speakers lost day 1", again);
        Console.WriteLine($"// sessions moved from the previous placement: {proposal.MovedFromPrevious}");
    }

    /// <summary>The reference event placed by the solver, then one session moved at a time: the whole check before and after, as an edit runs it.</summary>
    private static void Rules(ScheduleProblem problem, int count)
    {
        var proposal = ScheduleSolver.Solve(problem);
        var before = problem.Facts(proposal).ToList();
        var settings = problem.Settings with { RequiredLanguages = ["en", "zh-Hans"] };
        var ticks = new long[count];
        var found = 0;
        for (var i = -50; i < count; i++)
        {
            var k = Math.Abs(i) * 7919 % before.Count;
            var moved = before[k] with { Time = before[k].Time is { } t ? new TimeWindow(t.From.AddMinutes(30), t.Until.AddMinutes(30)) : null };
            var after = before.Select((f, j) => j == k ? moved : f).ToList();
            var start = Stopwatch.GetTimestamp();
            var introduced = ProgrammeRules.Introduced(ProgrammeRules.Check(before, problem.People, settings), ProgrammeRules.Check(after, problem.People, settings));
            var elapsed = Stopwatch.GetTimestamp() - start;
            if (i >= 0)
            {
                ticks[i] = elapsed;
                found += introduced.Count;
            }
        }

        Array.Sort(ticks);
        double Ms(long t) => t * 1000.0 / Stopwatch.Frequency;
        Console.WriteLine("| Case | Sessions | Edits | Mean | p50 | p99 | max | Conflicts brought in (total) | Goal |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| rules after one edit | {before.Count} | {count} | {Ms((long)ticks.Average()):0.000} ms | {Ms(ticks[count / 2]):0.000} ms | " +
            $"{Ms(ticks[(int)(count * 0.99)]):0.000} ms | {Ms(ticks[^1]):0.000} ms | {found} | < 20 ms |"));
    }
}
