using BenchmarkDotNet.Running;
using Summit.Benchmarks;

// dotnet run -c Release --project bench/Summit.Benchmarks -- --filter '*'   (any BenchmarkDotNet option works)
// dotnet run -c Release --project bench/Summit.Benchmarks -- fuzz --count 1000000 --seed 1
// dotnet run -c Release --project bench/Summit.Benchmarks -- latency --count 1000000
// dotnet run -c Release --project bench/Summit.Benchmarks -- badges --count 2000
// dotnet run -c Release --project bench/Summit.Benchmarks -- uploads --case photo-png-24mp (see bench/uploads.sh)
// dotnet run -c Release --project bench/Summit.Benchmarks -- faces-speed --repeat 5   (bench/faces.sh runs it beside the reference)
// dotnet run -c Release --project bench/Summit.Benchmarks -- faces-accuracy
// dotnet run -c Release --project bench/Summit.Benchmarks -- venue-check --count 1000 --bookings 10000 --rooms 60
// dotnet run -c Release --project bench/Summit.Benchmarks -- sensor-load --url http://127.0.0.1:5143 --broker-port 18830 (see bench/sensor-load.sh)
// dotnet run -c Release --project bench/Summit.Benchmarks -- hold-latency --url http://127.0.0.1:5145 --broker-port 18831 --agent PATH (see bench/hold-latency.sh)
// dotnet run -c Release --project bench/Summit.Benchmarks -- schedule --case reference|synthetic|rules --seed 2021 --workers 1
return args.FirstOrDefault() switch
{
    "fuzz" => DecoderFuzz.Run(args[1..]),
    "latency" => GateLatency.Run(args[1..]),
    "badges" => BadgeBatch.Run(args[1..]),
    "uploads" => HostileUploads.Run(args[1..]),
    "faces-speed" => FaceBench.Speed(args[1..]),
    "faces-accuracy" => FaceBench.Accuracy(args[1..]),
    "sensor-load" => await SensorLoad.RunAsync(args[1..]),
    "hold-latency" => await HoldLatency.RunAsync(args[1..]),
    "venue-check" => await VenueCheckLatency.RunAsync(args[1..]),
    "schedule" => ScheduleBench.Run(args[1..]),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(BenchHost).Assembly).Run(args);
    return 0;
}
