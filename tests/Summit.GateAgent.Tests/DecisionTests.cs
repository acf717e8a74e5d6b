using System.Net.Http.Json;
using Summit.Access.Core;
using Summit.Access.Core.Sync;

namespace Summit.GateAgent.Tests;

public sealed class DecisionTests
{
    [Fact]
    public async Task A_code_typed_at_standard_input_is_admitted_and_its_second_entry_refused()
    {
        await using var h = await AgentHarness.StartAsync();
        var guest = GateWorld.Issue();

        var printed = (await h.TypeAsync($"{guest.Code}\r\n{guest.Code}\n")).Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(2, printed.Length);
        Assert.Equal($"ADMITTED Admitted (0) Entry credential={guest.Id} holder={guest.Payload.HolderId} | Admitted / 准予通行", printed[0]);
        Assert.Equal($"REFUSED  AlreadyInside (18) Entry credential={guest.Id} holder={guest.Payload.HolderId} | Already inside: exit first / 已在区域内：请先出场",
            printed[1]);
    }

    [Fact]
    public async Task The_local_endpoint_decides_both_lanes_and_reports_its_status()
    {
        await using var h = await AgentHarness.StartAsync(localEndpoint: true);
        var guest = GateWorld.Issue();
        var journalist = GateWorld.Issue(GateWorld.PressCategory);

        var entry = await h.PostScanAsync(guest.Code);
        var exit = await h.PostScanAsync(guest.Code, GateDirection.Exit);
        var reentry = await h.PostScanAsync(guest.Code, GateDirection.Entry);
        var press = await h.PostScanAsync(journalist.Code);

        Assert.True(entry.Admitted);
        Assert.Equal((ReasonCode.Admitted, 0, "准予通行", GateDirection.Entry), (entry.Reason, entry.ReasonNumber, entry.MessageZh, entry.Direction));
        Assert.Equal(guest.Payload.HolderId, entry.HolderId);
        Assert.Equal(h.Time.GetUtcNow(), entry.ScannedAt);
        Assert.True(exit.Admitted);
        Assert.Equal(GateDirection.Exit, exit.Direction);
        Assert.True(reentry.Admitted);
        Assert.Equal(ReasonCode.ZoneNotGranted, press.Reason);
        Assert.Equal("No access to this zone today", press.Message);
        Assert.Equal(4, new[] { entry.Nonce, exit.Nonce, reentry.Nonce, press.Nonce }.Distinct().Count());

        using var http = new HttpClient { BaseAddress = h.Agent.LocalAddress };
        var status = await http.GetFromJsonAsync<AgentStatus>("status", AgentJson.Options);
        Assert.NotNull(status);
        Assert.True(status.CanAdmit);
        Assert.Equal(("G7", 1L, 4L, 4L), (status.Gate?.Code, status.PolicyVersion, status.PendingUploads, status.JournaledScans));
        Assert.Equal("G7 turnstile PC", status.DeviceName);
    }

    [Fact]
    public async Task A_revocation_reaches_the_gate_with_the_next_sync_and_an_unchanged_policy_is_not_sent_again()
    {
        await using var h = await AgentHarness.StartAsync();
        var guest = GateWorld.Issue();
        Assert.True(await h.Agent.SyncNowAsync());
        Assert.Equal(1, h.Server.NotModifiedAnswers);

        h.Server.Policy = GateWorld.Policy(version: 2, revoked: [guest.Id]);
        Assert.True(await h.Agent.SyncNowAsync());

        Assert.Equal(ReasonCode.Revoked, h.Agent.Scan(guest.Code).Reason);
        Assert.Equal(2, h.Agent.Status().PolicyVersion);
    }

    [Fact]
    public async Task A_lane_the_gate_does_not_have_is_closed()
    {
        await using var h = await AgentHarness.StartAsync(sync: false);
        h.Server.Policy = GateWorld.Policy() with { Gate = GateWorld.Gate with { Directions = GateDirections.Entry } };
        Assert.True(await h.Agent.SyncNowAsync());
        var guest = GateWorld.Issue();

        var exit = h.Agent.Scan(guest.Code, GateDirection.Exit);

        Assert.Equal((ReasonCode.GateClosed, ClosureCause.LaneNotServed, GateDirection.Exit), (exit.Reason, exit.Closure, exit.Direction));
        Assert.True(h.Agent.Scan(guest.Code).Admitted);
    }

    [Fact]
    public async Task A_gate_closed_by_the_operations_team_refuses_every_scan()
    {
        await using var h = await AgentHarness.StartAsync(sync: false);
        h.Server.Policy = GateWorld.Policy() with { Gate = GateWorld.Gate with { IsOpen = false } };
        Assert.True(await h.Agent.SyncNowAsync());

        var verdict = h.Agent.Scan(GateWorld.Issue().Code);

        Assert.Equal(ReasonCode.GateClosed, verdict.Reason);
        Assert.Null(verdict.Closure);
    }
}
