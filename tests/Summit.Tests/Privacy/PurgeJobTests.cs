using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server.Infrastructure.Cluster;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Privacy;
using Summit.Tests.Access;

namespace Summit.Tests.Privacy;

/// <summary>
/// The purge job on two servers of one database: when the clock passes the end of the retention period, the server leading the
/// periodic jobs looks (on SQLite both do, and one claims the event), purges it once; nobody is erased twice and nothing fails.
/// </summary>
public sealed class PurgeJobTests(PurgeJobFactory app) : IClassFixture<PurgeJobFactory>
{
    [Fact]
    public async Task Two_servers_running_the_job_purge_the_event_once_when_its_retention_period_ends()
    {
        var people = new List<Person>();
        for (var i = 0; i < 4; i++)
        {
            people.Add(await app.ArrivedPersonAsync($"Jobson{i}x", "Gale", "乔", "盖尔" + i));
        }

        await using var peer = new PeerServer(app);
        _ = peer.Services;
        var servers = new[] { app.Services, peer.Services };
        await Task.WhenAll(servers.Select(s => s.GetRequiredService<ClusterLeadership>().Tried));
        // On PostgreSQL only the server that leads the periodic jobs looks; on SQLite each process leads its own file.
        var jobs = servers.Where(s => s.GetRequiredService<ClusterLeadership>().IsLeader).Select(s => s.GetRequiredService<PurgeJob>()).ToList();
        Assert.Equal(app.Services.GetRequiredService<DatabaseSettings>().Provider == DatabaseProvider.Postgres ? 1 : 2, jobs.Count);
        // Pinned to this moment: the report rebuilt later from the same stamp must say the same.
        var stamp = app.Clock.GetUtcNow();
        var report = await app.ReportFiguresAsync(stamp);

        // A job looks a minute after its server starts, then every hour of the clock: the first server's job last looked when the
        // test venue moved the clock to the event, the peer's first look is due a minute after it started. Nothing is due at the
        // event, so nothing happens.
        var firstLooks = jobs.Select(NextCheckAsync).ToList();
        app.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.All(await Task.WhenAll(firstLooks).WaitAsync(TimeSpan.FromSeconds(60)), purged => Assert.Equal(0, purged));
        Assert.Equal(0, await RunsAsync());

        // The next looks (an hour later by the clock) find the event due.
        var looks = jobs.Select(NextCheckAsync).ToList();
        app.Clock.SetUtcNow(PrivacyIntents.DefaultDue.AddHours(1));
        var purged = await Task.WhenAll(looks).WaitAsync(TimeSpan.FromSeconds(120));
        Assert.Equal(1, purged.Sum());

        await app.InScopeAsync(async sp =>
        {
            var runs = await sp.GetRequiredService<SummitDbContext>().Set<PurgeRun>().ToListAsync();
            Assert.All(runs, r => Assert.Equal(PurgeOutcome.Completed, r.Outcome));
            var run = Assert.Single(runs, r => r.Erased > 0);
            Assert.Equal(PurgeTrigger.Scheduled, run.Trigger);
            Assert.Equal(await sp.GetRequiredService<SummitDbContext>().Guests.CountAsync(), runs.Sum(r => r.Erased));
            Assert.Equal("system", run.Actor);
        });
        Assert.Equal(report, await app.ReportFiguresAsync(stamp));
        var dump = await app.DumpAsync();
        Assert.All(people.SelectMany(p => p.Traces), trace => Assert.Empty(dump.Mentions(trace)));
    }

    private static Task<int> NextCheckAsync(PurgeJob job)
    {
        var checkedOnce = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Handler(int purged)
        {
            job.Checked -= Handler;
            checkedOnce.TrySetResult(purged);
        }

        job.Checked += Handler;
        return checkedOnce.Task;
    }

    private async Task<int> RunsAsync() =>
        await app.InScopeAsync(async sp => await sp.GetRequiredService<SummitDbContext>().Set<PurgeRun>().CountAsync());
}
