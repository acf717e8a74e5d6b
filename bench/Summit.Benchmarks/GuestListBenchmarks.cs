using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Summit.Server;
using Summit.Server.Demo;
using Summit.Server.Guests;
using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure.Database;

namespace Summit.Benchmarks;

/// <summary>One page of the guest list at 100,000 guests, as the list page and the API ask for it. Goal: under 50 ms.</summary>
[Config(typeof(FastConfig))]
public class GuestListBenchmarks
{
    public const int GuestCount = 100_000;

    private BenchHost _host = null!;
    private Guid _eventId;
    private GuestFilter _filtered = null!;
    private readonly GuestFilter _firstPage = new() { Sort = GuestSort.Name, Page = 1, PageSize = 50 };

    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = BenchHost.Sqlite;

    public static IEnumerable<string> Providers() => BenchHost.Providers();

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _host = await BenchHost.CreateAsync(Provider, "guest_list");
        await DemoSeeder.RunAsync(_host.Services, DemoSeeder.DefaultSeed, GuestCount, reset: false);
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SummitDbContext>();
        if (db.Database.IsNpgsql())
        {
            // What autovacuum does within a minute of a bulk load: statistics for the planner, a visibility map for index-only scans.
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE \"Guests\"");
        }

        _eventId = await db.Events.Select(e => e.Id).SingleAsync();
        var delegate_ = await db.Categories.Where(c => c.Code == "Delegate").Select(c => c.Id).SingleAsync();
        _filtered = new GuestFilter { Status = GuestStatus.Accredited, CategoryId = delegate_, Search = "wang", Sort = GuestSort.Name, Page = 3, PageSize = 50 };

        // A page that came back short would measure less than it claims to.
        var page = await FilteredPage();
        if (page.Items.Count != 50)
        {
            throw new InvalidOperationException($"The filtered page holds {page.Items.Count} guests of {page.Total}; expected a full page 3.");
        }

        Console.WriteLine($"// {Provider}: {await db.Guests.CountAsync()} guests; the filter matches {page.Total}.");
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _host.DisposeAsync();

    /// <summary>Accredited delegates matching "wang", sorted by name, page 3 of 50, with the total count.</summary>
    [Benchmark]
    public Task<PagedResult<GuestListItem>> FilteredPage() => ListAsync(_filtered);

    /// <summary>The list as it first opens: no filter, sorted by name, page 1 of 50, with the total count.</summary>
    [Benchmark]
    public Task<PagedResult<GuestListItem>> FirstPage() => ListAsync(_firstPage);

    private async Task<PagedResult<GuestListItem>> ListAsync(GuestFilter filter)
    {
        // A scope per call, as a request or a UI action has.
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GuestQueries>().ListAsync(_eventId, filter);
    }
}
