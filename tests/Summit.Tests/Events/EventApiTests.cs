using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
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
    public async Task A_venue_has_a_Chinese_name_which_an_older_client_leaves_alone_and_which_falls_back_to_English()
    {
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var input = new EventInput("Test Summit", "测试峰会", new DateOnly(2021, 9, 26), new DateOnly(2021, 9, 28), "Asia/Shanghai",
            ["Light of Internet Expo Center", "Side Hall"], new Dictionary<string, string?> { ["Light of Internet Expo Center"] = " 互联网之光博览中心 " });
        Assert.Equal(HttpStatusCode.OK, (await secretariat.PutAsJsonAsync("/api/v1/event", input, Intents.Json)).StatusCode);
        var named = await secretariat.GetFromJsonAsync<EventDto>("/api/v1/event", Intents.Json);
        Assert.Equal(new Dictionary<string, string> { ["Light of Internet Expo Center"] = "互联网之光博览中心" }, named!.VenueNamesZh);

        // A client that knows only the English names keeps the Chinese ones.
        Assert.Equal(HttpStatusCode.OK, (await secretariat.PutAsJsonAsync("/api/v1/event", input with { VenueNamesZh = null }, Intents.Json)).StatusCode);
        Assert.Equal("互联网之光博览中心", (await secretariat.GetFromJsonAsync<EventDto>("/api/v1/event", Intents.Json))!.VenueNamesZh["Light of Internet Expo Center"]);

        var summitEvent = await app.InScopeAsync(sp => sp.GetRequiredService<Summit.Server.Events.Contracts.IEventCalendar>().GetCurrentAsync());
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-Hans");
            Assert.Equal("互联网之光博览中心", summitEvent.VenueInReaderLanguage("Light of Internet Expo Center"));
            Assert.Equal("Side Hall", summitEvent.VenueInReaderLanguage("Side Hall"));
            Assert.Equal("Somewhere else", summitEvent.VenueInReaderLanguage("Somewhere else"));
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en");
            Assert.Equal("Light of Internet Expo Center", summitEvent.VenueInReaderLanguage("Light of Internet Expo Center"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = culture;
        }
    }

    [Fact]
    public async Task An_end_before_the_start_and_an_unknown_time_zone_are_refused()
    {
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var input = new EventInput("Test Summit", "测试峰会", new DateOnly(2021, 9, 26), new DateOnly(2021, 9, 25), "Asia/Shanghai", ["Main Hall"]);
        await (await secretariat.PutAsJsonAsync("/api/v1/event", input, Intents.Json)).AssertProblemAsync(422, EventErrors.EventDatesInvalid);
        var zone = input with { EndDate = new DateOnly(2021, 9, 28), TimeZoneId = "Mars/Olympus_Mons" };
        await (await secretariat.PutAsJsonAsync("/api/v1/event", zone, Intents.Json)).AssertProblemAsync(422, EventErrors.TimeZoneUnknown);
    }
}
