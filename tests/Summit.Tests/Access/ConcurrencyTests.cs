using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Access.Core;
using Summit.Access.Core.Sync;
using Summit.Server.Access.Contracts;
using Summit.Server.Access.Grants;
using Summit.Server.Access.Zones;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Access;

/// <summary>Anti-passback under load: many gates scanning the same code at the same instant admit it exactly once.</summary>
public class ConcurrencyTests(AccessFactory app) : IClassFixture<AccessFactory>
{
    private const int Gates = 16;
    private const int DevicesPerGate = 4;

    [Fact]
    public async Task Sixty_four_simultaneous_scans_at_different_gates_of_one_zone_admit_exactly_one()
    {
        var (zone, tokens) = await HallWithDevicesAsync("HALL1");
        var code = await app.IssueCodeAsync(await app.ApprovedGuestAsync());

        var clients = tokens.Select(app.DeviceClient).ToList();
        using var start = new SemaphoreSlim(0);
        var scans = clients.Select(async client =>
        {
            await start.WaitAsync();
            var response = await client.PostAsJsonAsync("/api/v1/device/scans", new DeviceScanRequest(Guid.NewGuid(), code), Intents.Json);
            return await response.OkAsync<ScanResponse>();
        }).ToList();
        start.Release(scans.Count);
        var results = await Task.WhenAll(scans);
        clients.ForEach(c => c.Dispose());

        Assert.Equal(64, results.Length);
        Assert.Single(results, r => r.Admitted);
        Assert.All(results.Where(r => !r.Admitted), r => Assert.Equal(ReasonCode.AlreadyInside, r.Reason));
        await AssertOneEntryStoredAsync(code, zone);
    }

    [Fact]
    public async Task Two_server_processes_on_one_database_still_admit_exactly_one()
    {
        var (zone, tokens) = await HallWithDevicesAsync("HALL2");
        var code = await app.IssueCodeAsync(await app.ApprovedGuestAsync());
        await using var peer = new PeerServer(app);

        var clients = tokens.Select((token, i) =>
        {
            var client = i % 2 == 0 ? app.CreateClient() : peer.CreateClient();
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Device", token);
            return client;
        }).ToList();
        using var start = new SemaphoreSlim(0);
        var scans = clients.Select(async client =>
        {
            await start.WaitAsync();
            var response = await client.PostAsJsonAsync("/api/v1/device/scans", new DeviceScanRequest(Guid.NewGuid(), code), Intents.Json);
            return await response.OkAsync<ScanResponse>();
        }).ToList();
        start.Release(scans.Count);
        var results = await Task.WhenAll(scans);
        clients.ForEach(c => c.Dispose());

        Assert.Single(results, r => r.Admitted);
        Assert.All(results.Where(r => !r.Admitted), r => Assert.Equal(ReasonCode.AlreadyInside, r.Reason));
        await AssertOneEntryStoredAsync(code, zone);
    }

    private async Task<(ZoneView Zone, List<string> Tokens)> HallWithDevicesAsync(string code)
    {
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var zone = await (await secretariat.PostAsJsonAsync("/api/v1/access/zones", new ZoneInput(code, "Exhibition hall", "展厅", null, 5000, AntiPassbackMode.Hard),
            Intents.Json)).OkAsync<ZoneView>();
        var grants = await (await secretariat.GetAsync("/api/v1/access/category-zones")).OkAsync<List<CategoryZonesView>>();
        var delegate_ = app.Categories["Delegate"].Id;
        var zones = grants.Single(g => g.CategoryId == delegate_).Zones.Select(z => z.ZoneId).Append(zone.Id).ToArray();
        await AccessIntents.SetCategoryZonesAsync(secretariat, delegate_, zones);
        var tokens = new List<string>();
        for (var g = 0; g < Gates; g++)
        {
            var gate = await AccessIntents.CreateGateAsync(secretariat, $"{code}-{g}", zone.Id, GateDirections.Entry);
            for (var d = 0; d < DevicesPerGate; d++)
            {
                tokens.Add(await app.EnrolDeviceAsync(gate.Id));
            }
        }

        return (zone, tokens);
    }

    private async Task AssertOneEntryStoredAsync(string code, ZoneView zone)
    {
        Assert.True(CredentialCodec.TryDecode(code, out var payload, out _));
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SummitDbContext>();
            Assert.Equal(64, await db.Scans.CountAsync(s => s.CredentialId == payload.CredentialId && s.Zone == zone.Number));
            Assert.Equal(1, await db.Scans.CountAsync(s => s.CredentialId == payload.CredentialId && s.Zone == zone.Number && s.Admitted));
            var presence = await db.ZonePresence.AsNoTracking().SingleAsync(p => p.CredentialId == payload.CredentialId && p.Zone == zone.Number);
            Assert.True(presence.Inside);
            Assert.Equal(1, presence.EntriesInDay);
        });
    }
}
