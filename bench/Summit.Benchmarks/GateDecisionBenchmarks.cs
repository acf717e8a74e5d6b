using BenchmarkDotNet.Attributes;
using NSec.Cryptography;
using Summit.Access.Core;

namespace Summit.Benchmarks;

/// <summary>
/// The offline gate decision on a genuine code (decode, signature, every standard check against a realistic policy and
/// presence book) next to the bare Ed25519 verify of the same 59 bytes with the same library. Goal: the decision reaches
/// at least 80% of the verify rate. The decoding and the checks alone show what the decision adds to the signature.
/// Run on one core: taskset -c 0. The benchmarks run one after the other, so a change of machine load between them
/// moves the ratio; the latency command interleaves the two calls and gives the steadier ratio.
/// </summary>
[Config(typeof(FastConfig))]
[OperationsPerSecond]
[MedianColumn]
public class GateDecisionBenchmarks
{
    private GateScenario _scenario = null!;
    private CredentialPayload _credential;

    [GlobalSetup]
    public void Setup()
    {
        _scenario = GateScenario.Create();
        CredentialCodec.TryDecode(_scenario.Code, out _credential, out _);
    }

    [Benchmark(Baseline = true)]
    public bool Ed25519Verify() => SignatureAlgorithm.Ed25519.Verify(_scenario.CurrentKey, _scenario.SignedMessage, _scenario.Signature);

    [Benchmark]
    public Verdict GateDecide() => _scenario.Decide(_scenario.Code);

    /// <summary>Text to bytes and fields, without the signature.</summary>
    [Benchmark]
    public bool DecodeOnly() => CredentialCodec.TryDecode(_scenario.Code, out _, out _);

    /// <summary>The standard checks on the decoded credential, without decoding or signature.</summary>
    [Benchmark]
    public bool ChecksOnly()
    {
        var scan = new ScanContext(_credential, GateScenario.Now, GateScenario.Gate, _scenario.Policy, _scenario.Presence);
        var checks = GateDecision.StandardChecks;
        // By index: a foreach over the interface would allocate its enumerator, which the pipeline (an array) does not.
        for (var i = 0; i < checks.Count; i++)
        {
            if (!checks[i].Check(scan).Admits())
            {
                return false;
            }
        }
        return true;
    }
}
