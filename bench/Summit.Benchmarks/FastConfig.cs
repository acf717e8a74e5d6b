using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Summit.Benchmarks;

// In-process: the benchmarks hold a whole server and a seeded database, built once per provider, and the
// generated out-of-process project would inherit the repository's analyzers and warnings-as-errors.

/// <summary>For operations of milliseconds: a short warm-up, ten measured iterations of many calls.</summary>
public sealed class FastConfig : ManualConfig
{
    public FastConfig()
    {
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
