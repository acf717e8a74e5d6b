using BenchmarkDotNet.Attributes;
using Summit.Server.Demo;

namespace Summit.Benchmarks;

/// <summary>
/// Creating the demo event from nothing (database dropped, migrated, 2,000 guests written, then their access set-up: zones,
/// gates, about 950 credentials, turnstile devices and the morning's scans). Goal: under 20 s.
/// </summary>
[Config(typeof(SlowConfig))]
public class DemoSeederBenchmarks
{
    private BenchHost _host = null!;

    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = BenchHost.Sqlite;

    public static IEnumerable<string> Providers() => BenchHost.Providers();

    [GlobalSetup]
    public async Task SetupAsync() => _host = await BenchHost.CreateAsync(Provider, "demo");

    [GlobalCleanup]
    public async Task CleanupAsync() => await _host.DisposeAsync();

    [Benchmark]
    public Task<string> CreateDemo() => DemoSeeder.RunAsync(_host.Services, DemoSeeder.DefaultSeed, DemoSeeder.DefaultGuestCount, reset: true);
}
