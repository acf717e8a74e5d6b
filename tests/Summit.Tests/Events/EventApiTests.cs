using System.Net;
using System.Net.Http.Json;
using Summit.Server;
using Summit.Server.Events;
using Summit.Server.Infrastructure.Identity;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Events;

/// <summary>Editing the current event through PUT /api/v1/event, as the event settings page does.</summary>
public class EventApiTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task Venues_are_added_reordered_and_removed_and_the_change_is_audited()
    {
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var input = new EventInput("Test Summit", "测试峰会", new DateOnly(2021, 9, 26), new DateOnly(2021, 9, 28), "Asia/Shanghai",
            ["Expo Center", "Main Hall", "Grand Theatre"]);
        var response = await secretariat.PutAsJsonAsync("/api/v1/event", input, Intents.Json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var reordered = await secretariat.PutAsJsonAsync("/api/v1/event", input with { Venues = ["Grand Theatre", "Expo Center"] }, Intents.Json);
        Assert.Equal(HttpStatusCode.OK, reordered.StatusCode);
        var current = await secretariat.GetFromJsonAsync<EventDto>("/api/v1/event", Intents.Json);
        Assert.Equal(["Grand Theatre", "Expo Center"], current!.Venues);

        var trail = await app.AuditTrailAsync("event", app.EventId);
        Assert.Equal(("Expo Center, Main Hall, Grand Theatre", "Grand Theatre, Expo Center"), trail[0].Change("venues"));
    }

    [Fact]
    public async Task An_end_before_the_start_and_an_unknown_time_zone_are_refused()
    {
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var input = new EventInput("Test Summit", "测试峰会", new DateOnly(2021, 9, 26), new DateOnly(2021, 9, 25), "Asia/Shanghai", ["Main Hall"]);
        await (await secretariat.PutAsJsonAsync("/api/v1/event", input, Intents.Json)).AssertProblemAsync(422, ErrorCodes.EventDatesInvalid);
        var zone = input with { EndDate = new DateOnly(2021, 9, 28), TimeZoneId = "Mars/Olympus_Mons" };
        await (await secretariat.PutAsJsonAsync("/api/v1/event", zone, Intents.Json)).AssertProblemAsync(422, ErrorCodes.TimeZoneUnknown);
    }
}
