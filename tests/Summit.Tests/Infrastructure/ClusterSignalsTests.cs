using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Summit.Access.Core.Sync;
using Summit.Server.Access.Contracts;
using Summit.Server.Access.Zones;
using Summit.Server.Infrastructure.Cluster;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Screening;
using Summit.Tests.Access;

namespace Summit.Tests.Infrastructure;

/// <summary>
/// What one server process keeps in memory follows a change made through another (the multi-node trial: a threshold changed on one
/// node was never seen by the other; a revoked device was accepted by the other node for 15 seconds).
/// </summary>
public class ClusterSignalsTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task A_signal_reaches_this_process_handlers_even_when_one_of_them_fails()
    {
        var signals = app.Services.GetRequiredService<ClusterSignals>();
        var received = new List<string>();
        using var failing = signals.Subscribe("test.topic", _ => throw new InvalidOperationException("a broken handler"));
        using (signals.Subscribe("test.topic", received.Add))
        {
            await signals.PublishAsync("test.topic", "first");
        }

        await signals.PublishAsync("test.topic", "after the subscription ended");

        Assert.Equal(["first"], received);
    }

    [PostgresFact]
    public async Task A_device_revoked_on_one_server_is_refused_by_the_other_at_once()
    {
        await using var peer = new PeerServer(app);
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var zone = await (await secretariat.PostAsJsonAsync("/api/v1/access/zones", new ZoneInput("NODES", "Two nodes hall", "双节点厅"), Intents.Json))
            .OkAsync<ZoneView>();
        var gate = await AccessIntents.CreateGateAsync(secretariat, "NODES-1", zone.Id, GateDirections.Entry);
        var token = await app.EnrolDeviceAsync(gate.Id);
        var device = await app.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<Summit.Server.Infrastructure.Database.SummitDbContext>()
            .GateDevices.Single(d => d.GateId == gate.Id).Id));
        using var onPeer = peer.CreateClient();
        onPeer.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Device", token);
        await peer.Services.GetRequiredService<ClusterSignalListener>().Listening;
        // The peer has the device in its cache now; its 15-second lifetime never runs out on the frozen test clock.
        Assert.Equal(HttpStatusCode.OK, (await onPeer.GetAsync("/api/v1/device/me")).StatusCode);

        using var admin = await app.ClientForAsync(Roles.Admin);
        (await admin.PostAsync($"/api/v1/access/devices/{device}/revoke", null)).EnsureSuccessStatusCode();

        Assert.True(await EventuallyAsync(async () => (await onPeer.GetAsync("/api/v1/device/me")).StatusCode == HttpStatusCode.Unauthorized));
    }

    [PostgresFact]
    public async Task A_threshold_changed_on_one_server_is_applied_by_the_other()
    {
        await using var peer = new PeerServer(app);
        _ = peer.Server;
        await peer.Services.GetRequiredService<ClusterSignalListener>().Listening;
        var onPeer = peer.Services.GetRequiredService<ScreeningThreshold>();
        var before = await onPeer.GetAsync();

        using var admin = await app.ClientForAsync(Roles.Admin);
        var changed = before > 37.0 ? 36.0 : 38.5;
        (await admin.PutAsJsonAsync("/api/v1/screening/settings/threshold", new ThresholdInput(changed), Intents.Json)).EnsureSuccessStatusCode();

        Assert.True(await EventuallyAsync(async () => Math.Abs(await onPeer.GetAsync() - changed) < 0.001));
    }

    /// <summary>A notification crosses processes in milliseconds; five seconds leave room for a loaded machine.</summary>
    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(5))
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(20);
        }

        return false;
    }
}
