using System.Net.Http.Json;
using Microsoft.Playwright;
using static Summit.BrowserTests.VenueApi;

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
        await SummitServer.SaveDocsImageAsync(page, "room-timeline-conflict");

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
        using (var api = await AdminAsync(server))
        {
            var (roomId, today, at) = await RoomAsync(api, "EX-M2");
            DateTimeOffset At(int hour, int minute) => at(today, hour, minute);

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

    [Fact]
    public async Task A_protocol_booking_in_the_way_of_a_normal_one_names_it_and_displaces_it_only_after_the_explicit_confirmation()
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var normal = "Working lunch " + unique;
        var protocol = "Head of delegation talks " + unique;
        var page = await server.NewPageAsync();
        await SummitServer.LoginAsync(page, SummitServer.AdminEmail);
        await SummitServer.GotoLiveAsync(page, "/venues/timeline");
        var row = page.GetByTestId("timeline-room-BL-05");

        await row.Locator("[data-testid=timeline-slot][data-at$='T14:00']").ClickAsync();
        await page.GetByTestId("booking-title").FillAsync(normal);
        await page.GetByTestId("booking-submit").ClickAsync();
        await Assertions.Expect(row.GetByTestId("timeline-booking").Filter(new() { HasText = normal })).ToHaveAttributeAsync("data-state", "Confirmed");

        // The same hour as a Protocol booking, chosen from the free hour before it (the booking covers its own): refused, and the dialog
        // names the booking it would cancel and who is told.
        await row.Locator("[data-testid=timeline-slot][data-at$='T12:00']").ClickAsync();
        await page.GetByTestId("booking-start").FillAsync("14:00");
        await page.GetByTestId("booking-end").FillAsync("15:00");
        await page.GetByTestId("booking-title").FillAsync(protocol);
        await page.GetByTestId("booking-priority").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "protocol" }).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("booking-dialog").GetByText("May displace normal bookings")).ToBeVisibleAsync();
        await page.GetByTestId("booking-submit").ClickAsync();
        var displacement = page.GetByTestId("booking-displacement");
        await Assertions.Expect(displacement.GetByTestId("booking-displaceable")).ToHaveCountAsync(1);
        await Assertions.Expect(displacement.GetByTestId("booking-displaceable")).ToContainTextAsync(normal);
        await Assertions.Expect(displacement).ToContainTextAsync("told by mail");
        // Nothing is cancelled before the confirmation.
        await Assertions.Expect(row.GetByTestId("timeline-booking").Filter(new() { HasText = normal })).ToHaveAttributeAsync("data-state", "Confirmed");

        await page.GetByTestId("booking-displace").ClickAsync();
        await Assertions.Expect(page.GetByTestId("timeline-message")).ToContainTextAsync(protocol);
        await Assertions.Expect(row.GetByTestId("timeline-booking").Filter(new() { HasText = protocol })).ToHaveAttributeAsync("data-state", "Confirmed");
        await Assertions.Expect(row.GetByTestId("timeline-booking").Filter(new() { HasText = normal })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_pending_protocol_request_is_confirmed_from_its_dialog_only_after_the_bookings_it_displaces_are_named()
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var normal = "Press briefing " + unique;
        var protocol = "Head of state visit " + unique;
        using (var api = await AdminAsync(server))
        {
            var (roomId, today, at) = await RoomAsync(api, "EX-M1");
            var start = at(today, 14, 0);
            await ReadAsync(await api.PostAsJsonAsync("/api/v1/venues/bookings/confirmed", new
            {
                roomId,
                startsAt = start,
                endsAt = start.AddHours(1),
                title = normal,
                holderKind = "Organizer",
                holderName = "Media centre",
                expectedAttendance = 10,
                layout = "Boardroom",
            }));
            // Lodged as a request that may displace: pending until the venue manager decides.
            await ReadAsync(await api.PostAsJsonAsync("/api/v1/venues/bookings", new
            {
                roomId,
                startsAt = start,
                endsAt = start.AddHours(1),
                title = protocol,
                holderKind = "Organizer",
                holderName = "Protocol office",
                expectedAttendance = 10,
                layout = "Boardroom",
                priority = "Protocol",
                displace = true,
            }));
        }

        var page = await server.NewPageAsync();
        await SummitServer.LoginAsync(page, SummitServer.AdminEmail);
        await SummitServer.GotoLiveAsync(page, "/venues/timeline");
        var row = page.GetByTestId("timeline-room-EX-M1");
        await row.GetByTestId("timeline-booking").Filter(new() { HasText = protocol }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("decision-state")).ToHaveAttributeAsync("data-state", "Pending");

        // Confirm is offered although a booking stands in the way; the first click only names it.
        await page.GetByTestId("decision-confirm").ClickAsync();
        var displacement = page.GetByTestId("decision-displacement");
        await Assertions.Expect(displacement.GetByTestId("decision-displaceable")).ToHaveCountAsync(1);
        await Assertions.Expect(displacement.GetByTestId("decision-displaceable")).ToContainTextAsync(normal);
        await Assertions.Expect(row.GetByTestId("timeline-booking").Filter(new() { HasText = normal })).ToHaveAttributeAsync("data-state", "Confirmed");

        await page.GetByTestId("decision-displace").ClickAsync();
        await Assertions.Expect(row.GetByTestId("timeline-booking").Filter(new() { HasText = protocol })).ToHaveAttributeAsync("data-state", "Confirmed");
        await Assertions.Expect(row.GetByTestId("timeline-booking").Filter(new() { HasText = normal })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_booking_moved_onto_another_is_refused_naming_it_and_moved_to_a_room_offered_instead()
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var moving = "Delegation meeting " + unique;
        var blocker = "Media interview " + unique;
        using (var api = await AdminAsync(server))
        {
            var (roomId, today, at) = await RoomAsync(api, "BL-05");
            foreach (var (title, hour) in new[] { (moving, 16), (blocker, 18) })
            {
                var start = at(today, hour, 0);
                await ReadAsync(await api.PostAsJsonAsync("/api/v1/venues/bookings/confirmed", new
                {
                    roomId,
                    startsAt = start,
                    endsAt = start.AddHours(1),
                    title,
                    holderKind = "Organizer",
                    expectedAttendance = 8,
                    layout = "Boardroom",
                }));
            }
        }

        var page = await server.NewPageAsync();
        await SummitServer.LoginAsync(page, SummitServer.AdminEmail);
        await SummitServer.GotoLiveAsync(page, "/venues/timeline");
        var row = page.GetByTestId("timeline-room-BL-05");
        await row.GetByTestId("timeline-booking").Filter(new() { HasText = moving }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("decision-move-start")).ToHaveValueAsync("16:00");

        // Onto the interview: refused, naming it; one click on a room free then moves it there.
        await page.GetByTestId("decision-move-start").FillAsync("18:00");
        await page.GetByTestId("decision-move-end").FillAsync("19:00");
        await page.GetByTestId("decision-move-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("booking-conflict").First).ToContainTextAsync(blocker);
        var alternative = page.GetByTestId("booking-alternative").First;
        var room = await alternative.GetAttributeAsync("data-room");
        Assert.False(string.IsNullOrEmpty(room));
        await alternative.ClickAsync();

        await Assertions.Expect(page.GetByTestId("timeline-message")).ToContainTextAsync(moving);
        await Assertions.Expect(page.GetByTestId("timeline-room-" + room).GetByTestId("timeline-booking").Filter(new() { HasText = moving }))
            .ToHaveAttributeAsync("data-state", "Confirmed");
        await Assertions.Expect(row.GetByTestId("timeline-booking").Filter(new() { HasText = moving })).ToHaveCountAsync(0);
    }
}
