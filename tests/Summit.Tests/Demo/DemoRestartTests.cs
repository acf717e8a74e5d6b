using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server.Demo;
using Summit.Server.Demo.Live;
using Summit.Server.Infrastructure.Database;

namespace Summit.Tests.Demo;

public sealed class DemoRestartTests(DemoRestartFactory app) : IClassFixture<DemoRestartFactory>
{
    private static readonly TimeSpan StoppedAt = TimeSpan.FromMinutes(20);

    [Fact]
    public async Task A_morning_stopped_halfway_carries_on_from_where_it_stood_with_the_same_script_and_nothing_played_twice()
    {
        var player = app.Services.GetRequiredService<DemoPlayer>();
        IReadOnlyList<DemoBeat> firstScript;
        var playedFirst = 0;
        await using (var first = await player.StartSessionAsync(DemoSeeder.DefaultSeed, CancellationToken.None))
        {
            Assert.NotNull(first);
            Assert.Null(first.ResumedAt);
            firstScript = first.Script.Beats;
            for (var minute = 0; minute <= StoppedAt.TotalMinutes; minute++)
            {
                app.Clock.Advance(TimeSpan.FromSeconds(2));
                await first.PlayUntilAsync(TimeSpan.FromMinutes(minute), CancellationToken.None);
            }

            playedFirst = first.Stats.Scans;
            Assert.True(playedFirst > 0);
        }

        var scansBefore = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Scans.CountAsync());

        // Started again: by now many of the morning's people have arrived, yet the script is the same, and it goes on from minute 20.
        await using var again = await player.StartSessionAsync(DemoSeeder.DefaultSeed, CancellationToken.None);
        Assert.NotNull(again);
        Assert.Equal(StoppedAt, again.ResumedAt);
        Assert.False(again.Finished);
        Assert.Equal(firstScript, again.Script.Beats);

        app.Clock.Advance(TimeSpan.FromSeconds(2));
        await again.PlayUntilAsync(StoppedAt, CancellationToken.None);
        Assert.Equal(0, again.Stats.Scans);

        var next = StoppedAt + TimeSpan.FromMinutes(5);
        app.Clock.Advance(TimeSpan.FromSeconds(10));
        await again.PlayUntilAsync(next, CancellationToken.None);
        var due = firstScript.Count(b => b.Kind == DemoBeatKind.Scan && b.At > StoppedAt && b.At <= next);
        Assert.True(due > 0);
        Assert.Equal(due, again.Stats.Scans);
        Assert.Equal(scansBefore + due, await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Scans.CountAsync()));
    }
}
