using System.Diagnostics;
using System.Globalization;
using NSec.Cryptography;

namespace Summit.Benchmarks;

/// <summary>
/// Latency of single gate decisions: <c>latency [--count N]</c> times N decisions of the scenario's genuine code one by
/// one (Stopwatch ticks), each followed by one bare Ed25519 verify of the same bytes so that both see the same machine
/// load, and prints percentiles, the rate and the bytes allocated. Run on one core: taskset -c 0.
/// </summary>
public static class GateLatency
{
    private const int WarmUp = 50_000;
    private const int WarmUpRounds = 5;

    public static int Run(string[] args)
    {
        var count = CommandLine.Int(args, "--count", 1_000_000);
        var scenario = GateScenario.Create();
        var code = scenario.Code;
        var key = scenario.CurrentKey;
        var decide = new long[count];
        var verify = new long[count];

        // Past tiered compilation, so that the figures are of the optimized code. The pauses let the runtime's background
        // compilation run even when this thread would not yield the core (pinned, or at real-time priority).
        for (var round = 0; round < WarmUpRounds; round++)
        {
            for (var i = 0; i < WarmUp / WarmUpRounds; i++)
            {
                scenario.Decide(code);
                SignatureAlgorithm.Ed25519.Verify(key, scenario.SignedMessage, scenario.Signature);
            }
            Thread.Sleep(200);
        }

        var refused = 0;
        var collections = GC.CollectionCount(0);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var admitted = scenario.Decide(code).Admitted;
            var decided = Stopwatch.GetTimestamp();
            var genuine = SignatureAlgorithm.Ed25519.Verify(key, scenario.SignedMessage, scenario.Signature);
            verify[i] = Stopwatch.GetTimestamp() - decided;
            decide[i] = decided - start;
            refused += admitted && genuine ? 0 : 1;
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        collections = GC.CollectionCount(0) - collections;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count:N0} single calls each, on CPU {CpuList()}; {allocated:N0} bytes allocated in the loop, {collections} gen-0 collections; {refused} refused"));
        Console.WriteLine("| Call | Calls/s | p50 | p90 | p99 | p99.9 | max |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        var verifyRate = Print("Ed25519 verify (NSec)", verify);
        var decideRate = Print("Gate decision", decide);
        var p99 = (double)decide[(int)(0.99 * count)] / Stopwatch.Frequency;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"decision rate / verify rate: {decideRate / verifyRate:P1} (goal >= 80%); decision p99 {p99 * 1000:N3} ms (goal < 1 ms); {allocated / (double)count:N1} bytes per decision (goal 0)"));
        // Only a wrong verdict fails the command; whether the goals are met is read from the figures.
        return refused == 0 ? 0 : 1;
    }

    /// <summary>Prints one row and returns the calls per second (from the summed call times).</summary>
    private static double Print(string name, long[] ticks)
    {
        var total = ticks.Sum();
        Array.Sort(ticks);
        var rate = ticks.Length / ((double)total / Stopwatch.Frequency);
        string At(double quantile) => Microseconds(ticks[Math.Min(ticks.Length - 1, (int)(quantile * ticks.Length))]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {rate:N0} | {At(0.50)} | {At(0.90)} | {At(0.99)} | {At(0.999)} | {Microseconds(ticks[^1])} |"));
        return rate;
    }

    private static string Microseconds(long ticks) =>
        string.Create(CultureInfo.InvariantCulture, $"{ticks * 1_000_000.0 / Stopwatch.Frequency:N1} µs");

    private static string CpuList() => File.Exists("/proc/self/status")
        ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "?"
        : "?";
}
