using BenchmarkDotNet.Running;
using Summit.Benchmarks;

// dotnet run -c Release --project bench/Summit.Benchmarks -- --filter '*'   (any BenchmarkDotNet option works)
// dotnet run -c Release --project bench/Summit.Benchmarks -- fuzz --count 1000000 --seed 1
// dotnet run -c Release --project bench/Summit.Benchmarks -- latency --count 1000000
return args.FirstOrDefault() switch
{
    "fuzz" => DecoderFuzz.Run(args[1..]),
    "latency" => GateLatency.Run(args[1..]),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(BenchHost).Assembly).Run(args);
    return 0;
}
