using System.Diagnostics;
using System.Globalization;
using Summit.Access.Core;
using Summit.Access.Core.Fuzzing;

namespace Summit.Benchmarks;

/// <summary>
/// The long fuzz run of the decoder and the gate decision: <c>fuzz [--count N] [--seed S]</c> decides N random texts and
/// mutations of the scenario's genuine codes (the mutations of the suite's fuzz test, <see cref="CredentialFuzz"/>) at the
/// scenario's gate. A failure is an exception, an admitted text that is not a genuine admitted code, a text that is not
/// genuine yet gets past the signature check (so would show someone's identity), a decoder and a decision that disagree on
/// the format, or a genuine code that does not get its verdict. Prints counts by input kind and by outcome; exits 1 on any
/// failure.
/// </summary>
public static class DecoderFuzz
{
    private const int FailuresShown = 20;

    public static int Run(string[] args)
    {
        var count = CommandLine.Int(args, "--count", 1_000_000);
        var seed = CommandLine.Int(args, "--seed", 1);
        var scenario = GateScenario.Create();
        var admittedCodes = scenario.AdmittedCodes.ToHashSet(StringComparer.Ordinal);
        var refusedCodes = scenario.RefusedCodes.ToHashSet(StringComparer.Ordinal);
        List<string> seeds = [.. scenario.AdmittedCodes, .. scenario.RefusedCodes];
        var random = new Random(seed);

        var inputs = new Dictionary<FuzzKind, int>();
        var decodedByKind = new Dictionary<FuzzKind, int>();
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        var failures = new List<string>();
        var failureCount = 0;
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < count; i++)
        {
            var kind = CredentialFuzz.Kinds[i % CredentialFuzz.Kinds.Count];
            var text = CredentialFuzz.Make(kind, random, seeds);
            Increment(inputs, kind);
            string? failure;
            try
            {
                var decoded = CredentialCodec.TryDecode(text, out _, out var error);
                var verdict = scenario.Decide(text);
                if (decoded)
                {
                    Increment(decodedByKind, kind);
                }
                var genuine = admittedCodes.Contains(text) || refusedCodes.Contains(text);
                Increment(outcomes, genuine ? $"genuine code, {verdict.Reason}" : verdict.Reason == ReasonCode.BadFormat ? $"{verdict.Reason} ({error})" : verdict.Reason.ToString());
                failure = Check(text, decoded, verdict, admittedCodes.Contains(text), genuine);
            }
            catch (Exception e)
            {
                failure = $"threw {e.GetType().Name}: {e.Message}";
            }
            if (failure is not null)
            {
                failureCount++;
                if (failures.Count < FailuresShown)
                {
                    failures.Add($"{kind} input {i}: {failure}: \"{Escape(text)}\"");
                }
            }
        }
        clock.Stop();

        var invariant = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(invariant,
            $"fuzz: {count:N0} inputs, seed {seed}, {seeds.Count} genuine codes mutated, {clock.Elapsed.TotalSeconds:N1} s ({count / clock.Elapsed.TotalSeconds:N0} inputs/s)"));
        Console.WriteLine("| Input kind | Inputs | Decoded (reached the signature check) |");
        Console.WriteLine("| --- | ---: | ---: |");
        foreach (var kind in CredentialFuzz.Kinds)
        {
            Console.WriteLine(string.Create(invariant, $"| {kind} | {inputs.GetValueOrDefault(kind):N0} | {decodedByKind.GetValueOrDefault(kind):N0} |"));
        }
        Console.WriteLine("| Outcome | Inputs |");
        Console.WriteLine("| --- | ---: |");
        foreach (var (outcome, number) in outcomes.OrderByDescending(o => o.Value))
        {
            Console.WriteLine(string.Create(invariant, $"| {outcome} | {number:N0} |"));
        }
        Console.WriteLine(string.Create(invariant, $"failures: {failureCount:N0}"));
        foreach (var failure in failures)
        {
            Console.WriteLine(failure);
        }
        return failureCount == 0 ? 0 : 1;
    }

    /// <summary>What is wrong with one verdict, or null. The format has one spelling per credential, so a genuine code's
    /// only canonical equal is itself.</summary>
    private static string? Check(string text, bool decoded, Verdict verdict, bool admittedCode, bool genuine)
    {
        if (decoded == (verdict.Reason == ReasonCode.BadFormat))
        {
            return $"the decoder says {(decoded ? "well formed" : "malformed")} but the decision says {verdict.Reason}";
        }
        if (admittedCode)
        {
            return verdict.Admitted ? null : $"a genuine code was refused: {verdict.Reason}";
        }
        if (verdict.Admitted)
        {
            return $"admitted ({verdict.Reason})";
        }
        if (!genuine && (verdict.Credential is not null || verdict.Reason is not (ReasonCode.BadFormat or ReasonCode.BadSignature or ReasonCode.UnknownKey)))
        {
            return $"not genuine, yet got past the signature check: {verdict.Reason}";
        }
        return null;
    }

    private static void Increment<TKey>(Dictionary<TKey, int> counts, TKey key)
        where TKey : notnull => counts[key] = counts.GetValueOrDefault(key) + 1;

    private static string Escape(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) || c > '~' ? $"\\u{(int)c:X4}" : c.ToString()));
}
