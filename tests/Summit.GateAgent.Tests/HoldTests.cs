using Microsoft.Extensions.Logging;
using Summit.Access.Core;

namespace Summit.GateAgent.Tests;

/// <summary>Screening holds at the agent: learnt from the server, obeyed, lifted; kept and admitted to be unknown while offline.</summary>
public sealed class HoldTests
{
    private static readonly TimeSpan NoWait = TimeSpan.Zero;

    [Fact]
    public async Task A_hold_on_the_lane_refuses_entries_with_secondary_screening_and_its_lifting_admits_again()
    {
        await using var h = await AgentHarness.StartAsync();
        var first = GateWorld.Issue();
        var second = GateWorld.Issue();
        Assert.True(await h.Agent.WatchHoldsOnceAsync(NoWait));
        Assert.True(h.Agent.Scan(first.Code).Admitted);

        h.Server.Hold(true);
        Assert.True(await h.Agent.WatchHoldsOnceAsync(NoWait));
        var refused = h.Agent.Scan(second.Code);
        var leaving = h.Agent.Scan(first.Code, GateDirection.Exit);

        Assert.Equal(ReasonCode.ScreeningHold, refused.Reason);
        Assert.Equal("Secondary screening: wait for a security officer / 需二次体温筛查：请等候安保人员", refused.Message.ToString());
        Assert.Null(refused.Notice);
        Assert.True(leaving.Admitted, "A hold never keeps anyone inside.");
        var status = h.Agent.Status();
        Assert.True(status.Screening is { Known: true, Held: true, Screened: true });
        Assert.True(status.CanAdmit, "A hold is not a closed gate: exits still pass.");
        Assert.True(h.Logs.Contains(LogLevel.Warning, "Lane on screening hold"), h.Logs.All);

        h.Server.Hold(false);
        Assert.True(await h.Agent.WatchHoldsOnceAsync(NoWait));
        Assert.True(h.Agent.Scan(second.Code).Admitted);
        Assert.False(h.Agent.Status().Screening.Held);
        Assert.True(h.Logs.Contains(LogLevel.Information, "was lifted"), h.Logs.All);
    }

    [Fact]
    public async Task A_waiting_request_answers_when_the_hold_is_raised_and_304_when_nothing_changed()
    {
        await using var h = await AgentHarness.StartAsync();
        Assert.True(await h.Agent.WatchHoldsOnceAsync(NoWait));
        var before = h.Server.HoldsRequests;

        // Nothing changes for a second: the server answers 304 and the agent still hears the holds.
        Assert.True(await h.Agent.WatchHoldsOnceAsync(TimeSpan.FromSeconds(1)));
        Assert.True(h.Agent.Status().Screening.Known);

        // The hold is raised while the agent waits: the same request brings it.
        var waiting = h.Agent.WatchHoldsOnceAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(200);
        Assert.False(waiting.IsCompleted);
        h.Server.Hold(true);
        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(before + 2, h.Server.HoldsRequests);
        Assert.Equal(ReasonCode.ScreeningHold, h.Agent.Scan(GateWorld.Issue().Code).Reason);
    }

    [Fact]
    public async Task Offline_the_agent_says_it_cannot_know_and_keeps_the_last_hold_it_knew_also_after_a_restart()
    {
        await using var h = await AgentHarness.StartAsync();
        h.Server.Holds = new(GateWorld.Gate.Id, Screened: true, Held: false, null, h.Time.GetUtcNow());
        Assert.True(await h.Agent.WatchHoldsOnceAsync(NoWait));
        h.Server.Down = true;
        h.Time.Advance(TimeSpan.FromMinutes(3));
        Assert.False(await h.Agent.WatchHoldsOnceAsync(NoWait));

        var admitted = h.Agent.Scan(GateWorld.Issue().Code);
        var line = await h.TypeAsync(GateWorld.Issue().Code + "\n");
        var status = h.Agent.Status().Screening;

        Assert.True(admitted.Admitted);
        Assert.Equal("Screening holds unknown since 2021-11-09 09:00:00 UTC+08:00: this gate cannot reach the server; watch the infrared display.",
            admitted.Notice?.En);
        Assert.Contains("体温筛查暂停状态未知", admitted.Notice?.Zh, StringComparison.Ordinal);
        Assert.Contains("| Screening holds unknown since", line, StringComparison.Ordinal);
        Assert.False(status.Known);
        Assert.Equal(admitted.Notice?.En, status.Note);
        Assert.True(h.Logs.Contains(LogLevel.Warning, "Screening holds unknown"), h.Logs.All);

        // Held when the server went away: still held after a restart without it, and says the state may be old.
        h.Server.Down = false;
        h.Server.Hold(true);
        Assert.True(await h.Agent.WatchHoldsOnceAsync(NoWait));
        h.Server.Down = true;
        var agent = await h.RestartAsync();
        var refused = agent.Scan(GateWorld.Issue().Code);
        Assert.Equal(ReasonCode.ScreeningHold, refused.Reason);
        Assert.StartsWith("Hold as last known at 2021-11-09 09:03:00 UTC+08:00", refused.Notice?.En, StringComparison.Ordinal);
        Assert.True(agent.Status().Screening is { Known: false, Held: true });
    }

    [Fact]
    public async Task A_lane_no_sensor_watches_gives_no_warning_offline()
    {
        await using var h = await AgentHarness.StartAsync();
        Assert.True(await h.Agent.WatchHoldsOnceAsync(NoWait));
        h.Server.Down = true;
        Assert.False(await h.Agent.WatchHoldsOnceAsync(NoWait));

        var verdict = h.Agent.Scan(GateWorld.Issue().Code);

        Assert.True(verdict.Admitted);
        Assert.Null(verdict.Notice);
        Assert.False(h.Agent.Status().Screening.Screened);
    }

    [Fact]
    public async Task In_the_background_the_agent_follows_holds_without_being_asked()
    {
        await using var h = await AgentHarness.StartAsync();
        var folder = Directory.CreateTempSubdirectory("summit-gate-bg-").FullName;
        try
        {
            await using var agent = new GateAgent(h.Options(background: true, dataDirectory: folder), TimeProvider.System, h.Logs.Factory);
            await agent.StartAsync();
            var now = CredentialTime.FloorToMinute(TimeProvider.System.GetUtcNow());
            var code = GateWorld.Issue(validFrom: now.AddHours(-1), validUntil: now.AddHours(1)).Code;
            await WaitUntilAsync(() => agent.Status() is { CanAdmit: true, Screening.Known: true });

            h.Server.Hold(true);
            await WaitUntilAsync(() => agent.Status().Screening.Held);
            Assert.Equal(ReasonCode.ScreeningHold, agent.Scan(code).Reason);

            h.Server.Hold(false);
            await WaitUntilAsync(() => !agent.Status().Screening.Held);
            Assert.True(agent.Scan(code).Admitted);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), "The agent did not follow the server's holds within 20 s.");
            await Task.Delay(20);
        }
    }
}
