using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Summit.Access.Core.Sync;
using Summit.Server.Access.Scanning;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Screening.Contracts;
using Summit.Server.Screening.Holds;
using Summit.Server.Screening.Ingestion;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Screening;

/// <summary>
/// The device API's holds endpoint, which gate agents long-poll: the lane's hold state, an answer as soon as a fever holds the lane
/// (through the real broker) or an officer clears it, 304 when nothing changed, and nothing about other gates.
/// </summary>
public sealed class DeviceHoldsTests(ScreeningFactory app) : IClassFixture<ScreeningFactory>
{
    [Fact]
    public async Task A_waiting_device_hears_its_lane_held_by_a_fever_and_reopened_by_an_officer()
    {
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var gate = await AccessIntents.CreateGateAsync(secretariat, "HD1", app.Venue.Main.Id, GateDirections.Entry);
        var other = await AccessIntents.CreateGateAsync(secretariat, "HD2", app.Venue.Main.Id, GateDirections.Entry);
        using var device = app.DeviceClient(await app.EnrolDeviceAsync(gate.Id));
        using var otherDevice = app.DeviceClient(await app.EnrolDeviceAsync(other.Id));

        var unwatched = await HoldsAsync(device);
        Assert.Equal((gate.Id, false, false), (unwatched.Document!.GateId, unwatched.Document.Screened, unwatched.Document.Held));
        var sensor = await app.EnrolSensorAsync(gate.Id);
        var open = await HoldsAsync(device);
        Assert.True(open.Document is { Screened: true, Held: false, HeldSince: null });
        Assert.Equal($"\"{open.Document.Tag}\"", open.ETag);

        // The device waits; a fever through the broker answers its request.
        var waiting = HoldsAsync(device, open.Document.Tag, wait: 30);
        await Task.Delay(100);
        Assert.False(waiting.IsCompleted);
        using var publisher = await app.PublisherAsync(sensor.Sensor.Code, sensor.Secret);
        await ScreeningFactory.PublishAsync(publisher, SensorMessages.TopicFor(sensor.Sensor.Code), app.Reading(sensor, 38.7, 1));
        var held = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, held.Status);
        Assert.True(held.Document is { Held: true, Screened: true });
        Assert.NotNull(held.Document.HeldSince);
        Assert.False((await HoldsAsync(otherDevice)).Document!.Held);

        // The officer clears: the device waiting on the held state hears it.
        waiting = HoldsAsync(device, held.Document.Tag, wait: 30);
        using var officer = await app.ClientForAsync(Roles.SecurityOfficer);
        var hold = (await (await officer.GetAsync("/api/v1/screening/holds")).OkAsync<List<HoldView>>()).Single(h => h.GateId == gate.Id && h.Status == HoldStatus.Open);
        await (await officer.PostAsJsonAsync($"/api/v1/screening/holds/{hold.Id}/clear", new HoldDecisionInput(36.6), Intents.Json)).OkAsync<HoldView>();
        var reopened = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(reopened.Document is { Held: false, Screened: true });

        // Nothing changes: the wait ends in 304 when the server's clock has passed it.
        waiting = HoldsAsync(device, reopened.Document.Tag, wait: 5);
        await Task.Delay(100);
        Assert.False(waiting.IsCompleted);
        app.Clock.Advance(TimeSpan.FromSeconds(6));
        var unchanged = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.NotModified, unchanged.Status);
        Assert.Equal($"\"{reopened.Document.Tag}\"", unchanged.ETag);
    }

    [Fact]
    public async Task Holds_are_for_enrolled_devices_only()
    {
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/device/holds")).StatusCode);
        using var forged = app.DeviceClient("dev_not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/v1/device/holds")).StatusCode);
    }

    [Theory]
    [InlineData("wait=10", 10)]
    [InlineData("respond-async, wait=3", 3)]
    [InlineData("wait=100000", DeviceApi.MaxHoldWaitSeconds)]
    [InlineData("wait=99999999999999", 0)]
    [InlineData("wait=-5", 0)]
    [InlineData("wait=abc", 0)]
    [InlineData("", 0)]
    public void The_wait_a_device_prefers_is_read_with_a_ceiling(string prefer, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), DeviceApi.PreferredWait(prefer));

    private static async Task<(HttpStatusCode Status, GateHoldsDocument? Document, string? ETag)> HoldsAsync(HttpClient device, string? known = null,
        int wait = 0)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/device/holds");
        if (known is not null)
        {
            request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{known}\""));
            request.Headers.Add("Prefer", $"wait={wait}");
        }

        using var response = await device.SendAsync(request);
        var document = response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<GateHoldsDocument>(Intents.Json) : null;
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotModified, $"{(int)response.StatusCode}");
        return (response.StatusCode, document, response.Headers.ETag?.Tag);
    }
}
