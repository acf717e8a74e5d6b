using Microsoft.Extensions.Logging;

namespace Summit.GateAgent.Tests;

public sealed class UploadTests
{
    [Fact]
    public async Task Each_scan_reaches_the_server_exactly_once_when_the_first_answer_is_lost()
    {
        await using var h = await AgentHarness.StartAsync();
        var nonces = Enumerable.Range(0, 3).Select(_ => h.Agent.Scan(GateWorld.Issue().Code).Nonce).ToList();
        h.Server.LoseUploadAnswers(1);

        var lost = await h.Agent.UploadNowAsync();

        Assert.False(lost.Complete);
        Assert.Equal(3, h.Server.Recorded.Count);
        Assert.Equal(3, h.Agent.Status().PendingUploads);

        var resent = await h.Agent.UploadNowAsync();
        var nothingLeft = await h.Agent.UploadNowAsync();

        Assert.True(resent.Complete);
        Assert.Equal((3, 0, 3), (resent.Sent, resent.Recorded, resent.Duplicates));
        Assert.Equal(nonces.Order(), h.Server.Recorded.Keys.Order());
        Assert.All(nonces, n => Assert.Equal(2, h.Server.Receipts[n]));
        Assert.Equal(0, h.Agent.Status().PendingUploads);
        Assert.Equal(0, nothingLeft.Sent);
        Assert.Equal(2, h.Server.UploadRequests);
    }

    [Fact]
    public async Task A_long_journal_goes_up_in_batches_of_200_oldest_first()
    {
        await using var h = await AgentHarness.StartAsync();
        var nonces = Enumerable.Range(0, 450).Select(i => h.Agent.Scan($"not a code {i}").Nonce).ToList();

        var report = await h.Agent.UploadNowAsync();

        Assert.True(report.Complete);
        Assert.Equal((450, 450), (report.Sent, report.Recorded));
        Assert.Equal(3, h.Server.UploadRequests);
        Assert.Equal(nonces.Order(), h.Server.Recorded.Keys.Order());
    }

    [Fact]
    public async Task While_the_server_is_down_scans_wait_in_the_journal_and_the_outage_is_reported_once()
    {
        await using var h = await AgentHarness.StartAsync();
        h.Server.Down = true;
        var guest = GateWorld.Issue();

        Assert.True(h.Agent.Scan(guest.Code).Admitted);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.False((await h.Agent.UploadNowAsync()).Complete);
            Assert.False(await h.Agent.SyncNowAsync());
        }

        Assert.Equal(1, h.Agent.Status().PendingUploads);
        Assert.False(h.Agent.Status().ServerReachable);
        Assert.Single(h.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith("Server exchange failed", StringComparison.Ordinal));
        Assert.Empty(h.Server.Recorded);

        h.Server.Down = false;
        Assert.True((await h.Agent.UploadNowAsync()).Complete);
        Assert.Single(h.Server.Recorded);
        Assert.True(h.Agent.Status().ServerReachable);
    }

    [Fact]
    public async Task The_background_exchange_syncs_and_uploads_on_its_own()
    {
        await using var h = await AgentHarness.StartAsync(sync: false);
        await using var agent = new GateAgent(h.Options(dataDirectory: Path.Combine(h.DataDirectory, "background"), background: true), h.Time, h.Logs.Factory);
        await agent.StartAsync();

        await Eventually(h, () => agent.Status().PolicyVersion == 1);
        var verdict = agent.Scan(GateWorld.Issue().Code);
        Assert.True(verdict.Admitted);
        await Eventually(h, () => h.Server.Recorded.ContainsKey(verdict.Nonce));
        await Eventually(h, () => agent.Status().PendingUploads == 0);
    }

    /// <summary>Moves the fake clock on until the condition holds; the background loop sleeps on that clock. The bound is only
    /// there to end a broken run (a minute of polling even on a busy machine), not a speed goal.</summary>
    private static async Task Eventually(AgentHarness h, Func<bool> condition)
    {
        for (var i = 0; i < 3000 && !condition(); i++)
        {
            h.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }
        Assert.True(condition());
    }
}
