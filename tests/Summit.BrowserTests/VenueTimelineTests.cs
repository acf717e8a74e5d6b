using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Summit.BrowserTests;

/// <summary>
/// The venue manager (the demo admin) books and decides on the room timeline: a free slot is booked, booking it again is refused naming
/// the first booking and offers free rooms, one of which books at a click; a pending request shows, before it is confirmed, the request
/// its confirmation rejects. The demo's Wuzhen rooms, with the event moved to today, so today's rooms are free.
/// </summary>
[Collection(ServerCollection.Name)]
public class VenueTimelineTests(SummitServer server) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>The pages this test opened are closed, so that they do not load the tests after it.</summary>
    public Task DisposeAsync() => server.ClosePagesAsync();

    [Fact]
    public async Task The_venue_manager_books_a_free_slot_is_refused_the_same_slot_naming_it_and_books_a_room_offered_instead()
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var first = "Bilateral talks " + unique;
        var second = "Second talks " + unique;
        var page = await server.NewPageAsync();
        await SummitServer.LoginAsync(page, SummitServer.AdminEmail);
        await SummitServer.GotoLiveAsync(page, "/venues/timeline");
        var row = page.GetByTestId("timeline-room-BL-06");

        // A free hour of the bilateral room: the dialog opens on it, the room's only layout chosen.
        await row.Locator("[data-testid=timeline-slot][data-at$='T10:00']").ClickAsync();
        var dialog = page.GetByTestId("booking-dialog");
        await Assertions.Expect(page.GetByTestId("booking-start")).ToHaveValueAsync("10:00");
        await Assertions.Expect(page.GetByTestId("booking-end")).ToHaveValueAsync("11:00");
        await page.GetByTestId("booking-title").FillAsync(first);
        await page.GetByTestId("booking-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("timeline-message")).ToContainTextAsync(first);
        await Assertions.Expect(row.GetByTestId("timeline-booking").Filter(new() { HasText = first })).ToHaveAttributeAsync("data-state", "Confirmed");

        // The same hour again, chosen from the free hour before it: refused, naming the first booking.
        await row.Locator("[data-testid=timeline-slot][data-at$='T09:00']").ClickAsync();
        await page.GetByTestId("booking-start").FillAsync("10:00");
        await page.GetByTestId("booking-end").FillAsync("11:00");
        await page.GetByTestId("booking-title").FillAsync(second);
        await page.GetByTestId("booking-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("booking-conflict").First).ToContainTextAsync(first);

        // One click on a room offered instead books the same booking there.
        var alternative = page.GetByTestId("booking-alternative").First;
        var room = await alternative.GetAttributeAsync("data-room");
        Assert.False(string.IsNullOrEmpty(room));
        await alternative.ClickAsync();
        await Assertions.Expect(page.GetByTestId("timeline-message")).ToContainTextAsync(second);
        await Assertions.Expect(page.GetByTestId("timeline-message")).ToContainTextAsync(room!);
        await Assertions.Expect(page.GetByTestId("timeline-room-" + room).GetByTestId("timeline-booking").Filter(new() { HasText = second }))
            .ToHaveAttributeAsync("data-state", "Confirmed");
        await Assertions.Expect(row.GetByTestId("timeline-booking").Filter(new() { HasText = second })).ToHaveCountAsync(0);
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Before_confirming_a_request_the_venue_manager_sees_the_request_it_rejects_and_confirming_rejects_it()
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var chosen = "Exhibitor meeting " + unique;
        var rival = "Rival meeting " + unique;
        using (var api = await ApiAsync())
        {
            var rooms = await ReadAsync(await api.GetAsync("/api/v1/venues/rooms"));
            var roomId = rooms.AsArray().Single(r => r!["code"]!.GetValue<string>() == "EX-M2")!["id"]!.GetValue<Guid>();
            var summitEvent = await ReadAsync(await api.GetAsync("/api/v1/event"));
            var zone = TimeZoneInfo.FindSystemTimeZoneById(summitEvent["timeZoneId"]!.GetValue<string>());
            var today = DateOnly.ParseExact(summitEvent["startDate"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            DateTimeOffset At(int hour, int minute)
            {
                var local = today.ToDateTime(new TimeOnly(hour, minute));
                return new DateTimeOffset(local, zone.GetUtcOffset(local));
            }

            // The rival starts while the chosen one's tear-down runs: they cannot both be confirmed.
            foreach (var (title, start) in new[] { (chosen, At(15, 0)), (rival, At(15, 45)) })
            {
                await ReadAsync(await api.PostAsJsonAsync("/api/v1/venues/bookings", new
                {
                    roomId,
                    startsAt = start,
                    endsAt = start.AddHours(1),
                    title,
                    holderKind = "Person",
                    holderName = "Pavilion coordinator",
                    expectedAttendance = 12,
                    layout = "Boardroom",
                }));
            }
        }

        var page = await server.NewPageAsync();
        await SummitServer.LoginAsync(page, SummitServer.AdminEmail);
        await SummitServer.GotoLiveAsync(page, "/venues/timeline");
        var row = page.GetByTestId("timeline-room-EX-M2");
        await row.GetByTestId("timeline-booking").Filter(new() { HasText = chosen }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("decision-state")).ToHaveAttributeAsync("data-state", "Pending");
        await Assertions.Expect(page.GetByTestId("preview-rejected")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("preview-rejected")).ToContainTextAsync(rival);

        await page.GetByTestId("decision-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("timeline-message")).ToContainTextAsync(chosen);
        await Assertions.Expect(row.GetByTestId("timeline-booking").Filter(new() { HasText = chosen })).ToHaveAttributeAsync("data-state", "Confirmed");
        // Rejected, the rival is no longer on the timeline.
        await Assertions.Expect(row.GetByTestId("timeline-booking").Filter(new() { HasText = rival })).ToHaveCountAsync(0);
    }

    private async Task<HttpClient> ApiAsync()
    {
        var api = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var login = await ReadAsync(await api.PostAsJsonAsync("/api/v1/auth/login", new { email = SummitServer.AdminEmail, password = SummitServer.Password }));
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login["accessToken"]!.GetValue<string>());
        return api;
    }

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }
}
