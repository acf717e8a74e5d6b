using Summit.Access.Core;

namespace Summit.GateAgent.Tests;

/// <summary>A zone whose capacity is a hard limit, counted by the agent from what it knows: the server's presence and its own scans.</summary>
public sealed class CapacityTests
{
    [Fact]
    public async Task A_full_zone_refuses_entries_by_the_count_the_agent_knows_and_says_it_is_approximate()
    {
        await using var h = await AgentHarness.StartAsync(sync: false);
        h.Server.Policy = GateWorld.Policy(maxInside: 3);
        // Two people the server counts inside (seen at other gates), one who left, and one from yesterday who never left.
        h.Server.SetPresence(Guid.NewGuid(), new ZoneMovements(true, GateWorld.Local(9, 8), null, GateWorld.Local(9, 4), 1));
        h.Server.SetPresence(Guid.NewGuid(), new ZoneMovements(true, GateWorld.Local(9, 8, 30), null, GateWorld.Local(9, 4), 1));
        h.Server.SetPresence(Guid.NewGuid(), new ZoneMovements(false, GateWorld.Local(9, 8), GateWorld.Local(9, 8, 45), GateWorld.Local(9, 4), 1));
        h.Server.SetPresence(Guid.NewGuid(), new ZoneMovements(true, GateWorld.Local(8, 18), null, GateWorld.Local(8, 4), 1));
        Assert.True(await h.Agent.SyncNowAsync());
        var last = GateWorld.Issue();
        var tooMany = GateWorld.Issue();

        Assert.Equal(2, h.Agent.Status().Capacity?.InsideKnown);
        Assert.True(h.Agent.Scan(last.Code).Admitted);
        var full = h.Agent.Scan(tooMany.Code);
        var line = await h.TypeAsync(tooMany.Code + "\n");

        Assert.Equal(ReasonCode.ZoneFull, full.Reason);
        Assert.Equal("Zone full: wait until someone leaves / 区域已满：请等候有人离开", full.Message.ToString());
        Assert.Equal("Approximate count at this gate: 3 of 3 inside (the server's count at 2021-11-09 09:00:00 UTC+08:00 plus this gate's scans since).",
            full.Notice?.En);
        Assert.StartsWith($"REFUSED  ZoneFull (25) Entry credential={tooMany.Id}", line, StringComparison.Ordinal);
        Assert.Contains("| Approximate count at this gate: 3 of 3", line, StringComparison.Ordinal);
        var capacity = h.Agent.Status().Capacity!;
        Assert.Equal((GateWorld.Hall, 3, 3, true), (capacity.Zone, capacity.MaxInside, capacity.InsideKnown, capacity.Approximate));
        Assert.Contains("近似计数", capacity.NoteZh, StringComparison.Ordinal);

        // Someone leaves through this gate: a place is free.
        Assert.True(h.Agent.Scan(last.Code, GateDirection.Exit).Admitted);
        Assert.True(h.Agent.Scan(tooMany.Code).Admitted);
    }

    [Fact]
    public async Task A_zone_without_a_hard_capacity_is_not_counted()
    {
        await using var h = await AgentHarness.StartAsync();

        Assert.Null(h.Agent.Status().Capacity);
        for (var i = 0; i < 5; i++)
        {
            Assert.True(h.Agent.Scan(GateWorld.Issue().Code).Admitted);
        }
    }
}
