using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Access.Core;
using Summit.Access.Core.Sync;
using Summit.Server;
using Summit.Server.Access.Contracts;
using Summit.Server.Access.Domain;
using Summit.Server.Access.Grants;
using Summit.Server.Access.Zones;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Access;

/// <summary>
/// A zone's capacity as a hard limit (refuse with ZoneFull) or a soft one (admit, the dashboard alerts), decided online from the
/// live count; under 64 simultaneous scans at a zone with one place left exactly one person enters, also across two server processes.
/// </summary>
public class CapacityTests(AccessFactory app) : IClassFixture<AccessFactory>
{
    private const int Gates = 16;
    private const int DevicesPerGate = 4;

    // The people of the two 64-scan tests, made once per server: making them is most of those tests' time.
    private static readonly ConditionalWeakTable<AccessFactory, Task<List<(Guid GuestId, string Code)>>> Crowds = new();

    [Fact]
    public async Task A_hard_capacity_is_kept_and_sent_to_the_gates_and_a_hard_limit_of_nothing_is_refused()
    {
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var hard = await CreateZoneAsync(secretariat, "CAP-HARD", 120, CapacityLimit.Hard);
        var soft = await CreateZoneAsync(secretariat, "CAP-SOFT", 120, CapacityLimit.Soft);
        var omitted = await (await secretariat.PostAsJsonAsync("/api/v1/access/zones", new { code = "CAP-OLD", nameEn = "Old client", nameZh = "旧客户端", capacity = 50 },
            Intents.Json)).OkAsync<ZoneView>();

        Assert.Equal(CapacityLimit.Hard, hard.CapacityLimit);
        Assert.Equal(CapacityLimit.Soft, omitted.CapacityLimit);
        var listed = await (await secretariat.GetAsync("/api/v1/access/zones")).OkAsync<List<ZoneView>>();
        Assert.Equal(CapacityLimit.Hard, listed.Single(z => z.Id == hard.Id).CapacityLimit);

        using var device = app.DeviceClient(app.Venue.MainInToken);
        var policy = await (await device.GetAsync("/api/v1/device/policy")).OkAsync<GatePolicyDocument>();
        Assert.Equal(120, policy.Rules.Single(r => r.Zone == hard.Number).MaxInside);
        Assert.Equal(0, policy.Rules.Single(r => r.Zone == soft.Number).MaxInside);

        var nothing = await secretariat.PostAsJsonAsync("/api/v1/access/zones",
            new ZoneInput("CAP-ZERO", "Zero", "零", Capacity: 0, CapacityLimit: CapacityLimit.Hard), Intents.Json);
        await nothing.AssertProblemAsync(422, ErrorCodes.RequestInvalid);
        var problem = Assert.Single((await nothing.ProblemAsync()).GetProperty("details").EnumerateArray());
        Assert.Equal("capacity", problem.GetProperty("field").GetString());
        var unknown = await secretariat.PostAsJsonAsync("/api/v1/access/zones",
            new { code = "CAP-BAD", nameEn = "Bad", nameZh = "坏", capacity = 5, capacityLimit = 7 }, Intents.Json);
        await unknown.AssertProblemAsync(422, ErrorCodes.RequestInvalid);

        var audit = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "zone" && a.EntityId == hard.Id.ToString()).Select(a => a.Changes).ToListAsync());
        Assert.Contains(audit, changes => changes is not null && changes.Contains("capacityLimit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_full_hard_zone_refuses_entries_in_both_languages_until_someone_leaves_and_a_soft_one_keeps_admitting()
    {
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var (hard, hardTokens) = await ZoneWithDevicesAsync(secretariat, "ROOM-H", 2, CapacityLimit.Hard, gates: 1, devicesPerGate: 1, GateDirections.Both);
        var (_, softTokens) = await ZoneWithDevicesAsync(secretariat, "ROOM-S", 2, CapacityLimit.Soft, gates: 1, devicesPerGate: 1, GateDirections.Both);
        var people = await app.ApprovedGuestsWithCodesAsync(3);

        Assert.True((await app.ScanAsync(hardTokens[0], people[0].Code)).Admitted);
        Assert.True((await app.ScanAsync(hardTokens[0], people[1].Code)).Admitted);
        var full = await app.ScanAsync(hardTokens[0], people[2].Code);
        Assert.Equal((false, ReasonCode.ZoneFull, 25), (full.Admitted, full.Reason, full.ReasonNumber));
        Assert.Equal(("Zone full: wait until someone leaves", "区域已满：请等候有人离开"), (full.Message, full.MessageZh));

        // A second entry of someone inside takes no new place (this zone has no anti-passback); leaving frees one.
        Assert.True((await app.ScanAsync(hardTokens[0], people[0].Code)).Admitted);
        Assert.True((await app.ScanAsync(hardTokens[0], people[1].Code, GateDirection.Exit)).Admitted);
        Assert.True((await app.ScanAsync(hardTokens[0], people[2].Code)).Admitted);

        foreach (var (_, code) in people)
        {
            Assert.True((await app.ScanAsync(softTokens[0], code)).Admitted);
        }

        var inside = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().ZonePresence.AsNoTracking()
            .CountAsync(p => p.Zone == hard.Number && p.Inside));
        Assert.Equal(2, inside);
    }

    [Fact]
    public async Task Sixty_four_simultaneous_scans_at_a_zone_with_one_place_left_admit_exactly_one()
    {
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var (zone, tokens) = await ZoneWithDevicesAsync(secretariat, "LAST1", 3, CapacityLimit.Hard, Gates, DevicesPerGate, GateDirections.Entry);
        var people = await CrowdAsync();
        Assert.True((await app.ScanAsync(tokens[0], people[^1].Code)).Admitted);
        Assert.True((await app.ScanAsync(tokens[1], people[^2].Code)).Admitted);

        var results = await ScanAtOnceAsync(tokens.Select((token, i) => (app.DeviceClient(token), people[i].Code)).ToList());

        Assert.Equal(64, results.Length);
        Assert.Single(results, r => r.Admitted);
        Assert.All(results.Where(r => !r.Admitted), r => Assert.Equal(ReasonCode.ZoneFull, r.Reason));
        await AssertInsideAsync(zone, 3);
    }

    [Fact]
    public async Task Two_server_processes_on_one_database_still_admit_exactly_one_to_the_last_place()
    {
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var (zone, tokens) = await ZoneWithDevicesAsync(secretariat, "LAST2", 1, CapacityLimit.Hard, Gates, DevicesPerGate, GateDirections.Entry);
        var people = await CrowdAsync();
        await using var peer = new PeerServer(app);

        var results = await ScanAtOnceAsync(tokens.Select((token, i) =>
        {
            var client = i % 2 == 0 ? app.CreateClient() : peer.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Device", token);
            return (client, people[i].Code);
        }).ToList());

        Assert.Single(results, r => r.Admitted);
        Assert.All(results.Where(r => !r.Admitted), r => Assert.Equal(ReasonCode.ZoneFull, r.Reason));
        await AssertInsideAsync(zone, 1);
    }

    private Task<List<(Guid GuestId, string Code)>> CrowdAsync() => Crowds.GetValue(app, server => server.ApprovedGuestsWithCodesAsync((Gates * DevicesPerGate) + 2));

    private static async Task<ScanResponse[]> ScanAtOnceAsync(List<(HttpClient Client, string Code)> scans)
    {
        using var start = new SemaphoreSlim(0);
        var running = scans.Select(async scan =>
        {
            await start.WaitAsync();
            var response = await scan.Client.PostAsJsonAsync("/api/v1/device/scans", new DeviceScanRequest(Guid.NewGuid(), scan.Code), Intents.Json);
            return await response.OkAsync<ScanResponse>();
        }).ToList();
        start.Release(running.Count);
        var results = await Task.WhenAll(running);
        scans.ForEach(s => s.Client.Dispose());
        return results;
    }

    private async Task AssertInsideAsync(ZoneView zone, int people) => await app.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<SummitDbContext>();
        Assert.Equal(people, await db.ZonePresence.AsNoTracking().CountAsync(p => p.Zone == zone.Number && p.Inside));
        Assert.Equal(people, await db.Scans.AsNoTracking().CountAsync(s => s.Zone == zone.Number && s.Admitted));
    });

    private static async Task<ZoneView> CreateZoneAsync(HttpClient secretariat, string code, int capacity, CapacityLimit limit) =>
        await (await secretariat.PostAsJsonAsync("/api/v1/access/zones",
            new ZoneInput(code, $"Room {code}", $"{code} 厅", null, capacity, CapacityLimit: limit), Intents.Json)).OkAsync<ZoneView>();

    private async Task<(ZoneView Zone, List<string> Tokens)> ZoneWithDevicesAsync(HttpClient secretariat, string code, int capacity, CapacityLimit limit,
        int gates, int devicesPerGate, GateDirections directions)
    {
        var zone = await CreateZoneAsync(secretariat, code, capacity, limit);
        var grants = await (await secretariat.GetAsync("/api/v1/access/category-zones")).OkAsync<List<CategoryZonesView>>();
        var delegates = app.Categories["Delegate"].Id;
        await AccessIntents.SetCategoryZonesAsync(secretariat, delegates, [.. grants.Single(g => g.CategoryId == delegates).Zones.Select(z => z.ZoneId), zone.Id]);
        var tokens = new List<string>();
        for (var g = 0; g < gates; g++)
        {
            var gate = await AccessIntents.CreateGateAsync(secretariat, $"{code}-{g}", zone.Id, directions);
            for (var d = 0; d < devicesPerGate; d++)
            {
                tokens.Add(await app.EnrolDeviceAsync(gate.Id));
            }
        }

        return (zone, tokens);
    }
}
