using System.Net;
using System.Net.Http.Json;
using Summit.Access.Core;
using Summit.Access.Core.Sync;
using Summit.Server.Access.Contracts;
using Summit.Server.Access.Zones;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Venues.Blockings;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Venues.Gates;

/// <summary>
/// A blocking closes its room's access zone for its period: the server refuses entries into the zone while it lasts (and never exits),
/// admits them before and after, reopens when the blocking is lifted, and the gate agents receive the closure in their policy to decide
/// it alone. Moving the room to another zone moves the closure.
/// </summary>
public sealed class BlockedRoomGateTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task A_blocking_closes_the_rooms_zone_at_the_gates_for_its_period_and_lifting_it_reopens_the_zone()
    {
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var manager = await app.ClientForAsync(Roles.VenueManager);
        // The clock moves days on: a client signed in now is signed out then, so each later call signs in afresh.
        async Task<HttpClient> Manager()
        {
            manager.Dispose();
            manager = await app.ClientForAsync(Roles.VenueManager);
            return manager;
        }

        var zone = await (await secretariat.PostAsJsonAsync("/api/v1/access/zones", new ZoneInput("SWEEP", "Bilateral room 1", "双边会谈室一"), Intents.Json))
            .OkAsync<ZoneView>();
        var other = await (await secretariat.PostAsJsonAsync("/api/v1/access/zones", new ZoneInput("SWEEP2", "Bilateral room 2", "双边会谈室二"), Intents.Json))
            .OkAsync<ZoneView>();
        var gate = await AccessIntents.CreateGateAsync(secretariat, "SW1", zone.Id, GateDirections.Both);
        await AccessIntents.SetCategoryZonesAsync(secretariat, app.Categories["Delegate"].Id, zone.Id, other.Id);
        var device = await app.EnrolDeviceAsync(gate.Id);
        var code = await app.CodeOfAsync(await app.ApprovedGuestAsync());
        var venue = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "BR-1", zoneId: zone.Id));

        // 10:00 to 12:00 on the first day: a security sweep before a head of state arrives.
        var ten = VenuesIntents.DayOneNine.AddHours(1);
        var sweep = await (await manager.PostAsJsonAsync("/api/v1/venues/blockings", new BlockingInput(room.Id, ten, ten.AddHours(2), "Security sweep"),
            Intents.Json)).OkAsync<BlockingView>();

        // The gate agents receive the closure with the policy, and decide it alone from it.
        using (var gateClient = app.DeviceClient(device))
        {
            var policy = await (await gateClient.GetAsync("/api/v1/device/policy")).OkAsync<GatePolicyDocument>();
            var closure = Assert.Single(policy.Closures!);
            Assert.Equal((zone.Number, ten, ten.AddHours(2)), (closure.Zone, closure.From, closure.Until));
            var offline = policy.ToAccessPolicy();
            var lane = new Gate(gate.Number, zone.Number, GateDirection.Entry, IsOpen: true);
            Assert.Equal(ReasonCode.ZoneClosed, GateDecision.Decide(code, ten.AddMinutes(30), lane, offline, new PresenceBook()).Reason);
            Assert.Equal(ReasonCode.Admitted, GateDecision.Decide(code, ten.AddMinutes(-1), lane, offline, new PresenceBook()).Reason);
            Assert.Equal(ReasonCode.Admitted, GateDecision.Decide(code, ten.AddHours(2), lane, offline, new PresenceBook()).Reason);
        }

        // Before: admitted (and out again).
        app.Clock.SetUtcNow(ten.AddMinutes(-5).ToUniversalTime());
        Assert.Equal(ReasonCode.Admitted, (await app.ScanAsync(device, code, GateDirection.Entry)).Reason);
        app.Clock.SetUtcNow(ten.AddMinutes(-2).ToUniversalTime());
        Assert.True((await app.ScanAsync(device, code, GateDirection.Exit)).Admitted);

        // During: refused with its own reason, in both languages; leaving is never refused.
        app.Clock.SetUtcNow(ten.AddMinutes(30).ToUniversalTime());
        var refused = await app.ScanAsync(device, code, GateDirection.Entry);
        Assert.Equal((false, ReasonCode.ZoneClosed, 26), (refused.Admitted, refused.Reason, refused.ReasonNumber));
        Assert.Equal(GateVerdictTexts.For(ReasonCode.ZoneClosed).En, refused.Message);
        Assert.Equal(GateVerdictTexts.For(ReasonCode.ZoneClosed).Zh, refused.MessageZh);
        Assert.True((await app.ScanAsync(device, code, GateDirection.Exit)).Admitted);

        // After: admitted again.
        app.Clock.SetUtcNow(ten.AddHours(2).ToUniversalTime());
        Assert.Equal(ReasonCode.Admitted, (await app.ScanAsync(device, code, GateDirection.Entry)).Reason);
        app.Clock.SetUtcNow(ten.AddHours(2).AddMinutes(1).ToUniversalTime());
        Assert.True((await app.ScanAsync(device, code, GateDirection.Exit)).Admitted);

        // A second sweep closes the zone; moved to another zone, the room takes its closure along; lifted, the zone reopens at once.
        var one = ten.AddHours(3);
        var second = await (await (await Manager()).PostAsJsonAsync("/api/v1/venues/blockings", new BlockingInput(room.Id, one, one.AddHours(2), "Second sweep"),
            Intents.Json)).OkAsync<BlockingView>();
        app.Clock.SetUtcNow(one.AddMinutes(10).ToUniversalTime());
        Assert.Equal(ReasonCode.ZoneClosed, (await app.ScanAsync(device, code, GateDirection.Entry)).Reason);

        await (await (await Manager()).PutAsJsonAsync($"/api/v1/venues/rooms/{room.Id}", VenuesIntents.NewRoom(venue.Id, "BR-1", zoneId: other.Id), Intents.Json))
            .OkAsync<Summit.Server.Venues.Rooms.RoomView>();
        using (var gateClient = app.DeviceClient(device))
        {
            var policy = await (await gateClient.GetAsync("/api/v1/device/policy")).OkAsync<GatePolicyDocument>();
            Assert.Equal([other.Number, other.Number], policy.Closures!.Select(c => c.Zone));
        }

        Assert.Equal(ReasonCode.Admitted, (await app.ScanAsync(device, code, GateDirection.Entry)).Reason);
        Assert.True((await app.ScanAsync(device, code, GateDirection.Exit)).Admitted);

        await (await (await Manager()).PutAsJsonAsync($"/api/v1/venues/rooms/{room.Id}", VenuesIntents.NewRoom(venue.Id, "BR-1", zoneId: zone.Id), Intents.Json))
            .OkAsync<Summit.Server.Venues.Rooms.RoomView>();
        Assert.Equal(ReasonCode.ZoneClosed, (await app.ScanAsync(device, code, GateDirection.Entry)).Reason);

        Assert.Equal(HttpStatusCode.NoContent, (await (await Manager()).DeleteAsync($"/api/v1/venues/blockings/{second.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await (await Manager()).DeleteAsync($"/api/v1/venues/blockings/{sweep.Id}")).StatusCode);
        Assert.Equal(ReasonCode.Admitted, (await app.ScanAsync(device, code, GateDirection.Entry)).Reason);
        using (var gateClient = app.DeviceClient(device))
        {
            Assert.Empty((await (await gateClient.GetAsync("/api/v1/device/policy")).OkAsync<GatePolicyDocument>()).Closures!);
        }
        manager.Dispose();
    }
}
