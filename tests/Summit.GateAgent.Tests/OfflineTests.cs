using Microsoft.Extensions.Logging;
using Summit.Access.Core;

namespace Summit.GateAgent.Tests;

public sealed class OfflineTests
{
    [Fact]
    public async Task Offline_a_second_entry_is_refused_and_no_sync_forgets_the_first()
    {
        await using var h = await AgentHarness.StartAsync();
        var guest = GateWorld.Issue();
        h.Server.Down = true;

        Assert.True(h.Agent.Scan(guest.Code).Admitted);
        Assert.Equal(ReasonCode.AlreadyInside, h.Agent.Scan(guest.Code).Reason);
        Assert.False(await h.Agent.SyncNowAsync());
        Assert.Equal(ReasonCode.AlreadyInside, h.Agent.Scan(guest.Code).Reason);

        // Back online, the server's presence does not have the entry yet (not uploaded): the gate keeps its own.
        h.Server.Down = false;
        Assert.True(await h.Agent.SyncNowAsync());
        Assert.Equal(ReasonCode.AlreadyInside, h.Agent.Scan(guest.Code).Reason);

        // Uploaded and synced: now the server's presence has it.
        Assert.True((await h.Agent.UploadNowAsync()).Complete);
        Assert.True(await h.Agent.SyncNowAsync());
        Assert.Equal(ReasonCode.AlreadyInside, h.Agent.Scan(guest.Code).Reason);
        Assert.True(h.Agent.Scan(guest.Code, GateDirection.Exit).Admitted);
        Assert.True(h.Agent.Scan(guest.Code).Admitted);
    }

    [Fact]
    public async Task An_entry_the_server_already_counts_is_not_counted_twice_after_a_sync_or_a_restart()
    {
        await using var h = await AgentHarness.StartAsync(sync: false);
        h.Server.Policy = GateWorld.Policy(antiPassback: AntiPassbackMode.Off, maxEntriesPerDay: 2);
        Assert.True(await h.Agent.SyncNowAsync());
        var guest = GateWorld.Issue();

        Assert.True(h.Agent.Scan(guest.Code).Admitted);
        Assert.True((await h.Agent.UploadNowAsync()).Complete);
        Assert.True(await h.Agent.SyncNowAsync());
        h.Server.Down = true;
        await h.RestartAsync();

        Assert.True(h.Agent.Scan(guest.Code).Admitted);
        Assert.Equal(ReasonCode.DailyLimitReached, h.Agent.Scan(guest.Code).Reason);
    }

    [Fact]
    public async Task A_cold_start_offline_decides_from_the_last_synced_policy_and_presence()
    {
        await using var h = await AgentHarness.StartAsync(sync: false);
        var insideSinceMorning = GateWorld.Issue();
        h.Server.SetPresence(insideSinceMorning.Id, new ZoneMovements(true, GateWorld.Local(9, 8), null, GateWorld.Local(9, 4), 1));
        Assert.True(await h.Agent.SyncNowAsync());
        h.Server.Down = true;

        var agent = await h.RestartAsync();
        var newcomer = GateWorld.Issue();

        Assert.True(agent.Status().CanAdmit);
        Assert.Equal(1, agent.Status().PolicyVersion);
        Assert.Equal(ReasonCode.AlreadyInside, agent.Scan(insideSinceMorning.Code).Reason);
        Assert.True(agent.Scan(newcomer.Code).Admitted);
        Assert.Equal(ReasonCode.AlreadyInside, agent.Scan(newcomer.Code).Reason);
        Assert.True(agent.Scan(insideSinceMorning.Code, GateDirection.Exit).Admitted);
    }

    [Fact]
    public async Task A_gate_that_never_synced_is_closed_until_it_does()
    {
        await using var h = await AgentHarness.StartAsync(sync: false);
        h.Server.Down = true;
        var guest = GateWorld.Issue();

        var verdict = h.Agent.Scan(guest.Code);

        Assert.Equal((ReasonCode.GateClosed, ClosureCause.NoPolicy), (verdict.Reason, verdict.Closure));
        Assert.Equal(ClosureCause.NoPolicy, h.Agent.Status().Closure);
        h.Server.Down = false;
        Assert.True(await h.Agent.SyncNowAsync());
        Assert.True(h.Agent.Scan(guest.Code).Admitted);
    }

    [Fact]
    public async Task A_corrupted_policy_file_is_reported_and_moved_aside_and_the_gate_stays_closed_until_a_sync()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.Agent.StopAsync();
        var policyFile = Path.Combine(h.DataDirectory, LocalCache.PolicyFile);
        File.WriteAllText(policyFile, "{\"policyVersion\": 3, \"eventNumber\": \0\u00ff garbage");
        h.Server.Down = true;

        var agent = await h.RestartAsync();

        Assert.Equal(ClosureCause.NoPolicy, agent.Scan(GateWorld.Issue().Code).Closure);
        Assert.True(h.Logs.Contains(LogLevel.Error, policyFile));
        Assert.False(File.Exists(policyFile));
        Assert.Single(Directory.GetFiles(h.DataDirectory, LocalCache.PolicyFile + ".unreadable-*"));
        h.Server.Down = false;
        Assert.True(await agent.SyncNowAsync());
        Assert.True(agent.Scan(GateWorld.Issue().Code).Admitted);
        Assert.True(File.Exists(policyFile));
    }

    [Fact]
    public async Task A_cached_policy_that_reads_but_cannot_be_used_is_refused_like_a_corrupted_one()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.Agent.StopAsync();
        var policyFile = Path.Combine(h.DataDirectory, LocalCache.PolicyFile);
        File.WriteAllText(policyFile, File.ReadAllText(policyFile).Replace("Asia/Shanghai", "Mars/Olympus_Mons", StringComparison.Ordinal));
        h.Server.Down = true;

        var agent = await h.RestartAsync();

        Assert.Equal(ClosureCause.NoPolicy, agent.Status().Closure);
        Assert.True(h.Logs.Contains(LogLevel.Error, "Mars/Olympus_Mons"));
    }

    [Fact]
    public async Task A_policy_from_the_server_that_cannot_be_used_leaves_the_last_good_one_in_force()
    {
        await using var h = await AgentHarness.StartAsync();
        h.Server.Policy = GateWorld.Policy(version: 2) with { TimeZoneId = "Mars/Olympus_Mons" };

        Assert.False(await h.Agent.SyncNowAsync());

        Assert.Equal(1, h.Agent.Status().PolicyVersion);
        Assert.True(h.Agent.Scan(GateWorld.Issue().Code).Admitted);
        Assert.True(h.Logs.Contains(LogLevel.Error, "policy version 2"));
    }

    [Fact]
    public async Task A_corrupted_presence_file_is_rebuilt_from_the_gates_own_journal()
    {
        await using var h = await AgentHarness.StartAsync();
        var guest = GateWorld.Issue();
        Assert.True(h.Agent.Scan(guest.Code).Admitted);
        Assert.True((await h.Agent.UploadNowAsync()).Complete);
        Assert.True(await h.Agent.SyncNowAsync());
        await h.Agent.StopAsync();
        File.WriteAllBytes(Path.Combine(h.DataDirectory, LocalCache.PresenceFile), [0xEF, 0xBB, 0xBF, 0x7B, 0x00, 0xC3]);
        h.Server.Down = true;

        var agent = await h.RestartAsync();

        Assert.Equal(ReasonCode.AlreadyInside, agent.Scan(guest.Code).Reason);
        Assert.True(h.Logs.Contains(LogLevel.Warning, LocalCache.PresenceFile));
    }
}
