using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Summit.Benchmarks -- --filter '*'   (any BenchmarkDotNet option works)
BenchmarkSwitcher.FromAssembly(typeof(Summit.Benchmarks.BenchHost).Assembly).Run(args);
