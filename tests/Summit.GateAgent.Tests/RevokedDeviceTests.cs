using Microsoft.Extensions.Logging;
using Summit.Access.Core;

namespace Summit.GateAgent.Tests;

public sealed class RevokedDeviceTests
{
    [Fact]
    public async Task A_revoked_device_refuses_everything_says_why_and_stays_closed_across_a_restart()
    {
        await using var h = await AgentHarness.StartAsync();
        var guest = GateWorld.Issue();
        h.Server.RefuseToken = true;

        Assert.False(await h.Agent.SyncNowAsync());
        var printed = await h.TypeAsync(guest.Code + "\n");

        Assert.StartsWith("REFUSED  GateClosed (22)", printed, StringComparison.Ordinal);
        Assert.Contains("the device was revoked", printed, StringComparison.Ordinal);
        Assert.Contains("设备已被吊销", printed, StringComparison.Ordinal);
        Assert.True(h.Logs.Contains(LogLevel.Critical, "401"));
        var status = h.Agent.Status();
        Assert.Equal((false, ClosureCause.DeviceRevoked), (status.CanAdmit, status.Closure));
        Assert.False((await h.Agent.UploadNowAsync()).Complete);
        Assert.Equal(1, h.Agent.Status().PendingUploads);

        h.Server.Down = true;
        var restarted = await h.RestartAsync();
        Assert.Equal(ClosureCause.DeviceRevoked, restarted.Scan(guest.Code).Closure);

        // Re-enabled on the server: the next sync opens the gate again, and the waiting scans go up.
        h.Server.Down = false;
        h.Server.RefuseToken = false;
        Assert.True(await restarted.SyncNowAsync());
        Assert.True(restarted.Scan(guest.Code).Admitted);
        Assert.True((await restarted.UploadNowAsync()).Complete);
        Assert.Equal(3, h.Server.Recorded.Count);
        Assert.DoesNotContain(FakeDeviceServer.Token, h.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_token_is_a_refused_device_and_is_never_logged()
    {
        const string wrongToken = "dev_thisTokenWasReplaced42";
        await using var h = await AgentHarness.StartAsync(sync: false, token: wrongToken);

        Assert.False(await h.Agent.SyncNowAsync());

        Assert.Equal(ReasonCode.GateClosed, h.Agent.Scan(GateWorld.Issue().Code).Reason);
        Assert.Equal(ClosureCause.DeviceRevoked, h.Agent.Status().Closure);
        Assert.DoesNotContain(wrongToken, h.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongToken, File.ReadAllText(Path.Combine(h.DataDirectory, LocalCache.DeviceFile)), StringComparison.Ordinal);
    }
}
