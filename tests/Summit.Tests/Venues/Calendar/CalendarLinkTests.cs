using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Security;
using Summit.Server.Venues;
using Summit.Server.Venues.Bookings;
using Summit.Server.Venues.Calendar;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Venues.Calendar;

/// <summary>
/// A room's secret calendar link: read without signing in with the current token only; rotated, revoked, forged, over-long and other rooms'
/// tokens are refused alike; only the hash is stored; made, rotated and revoked by venue managers only, audited.
/// </summary>
public sealed class CalendarLinkTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    private const string Window = "?from=2021-09-20T00:00:00Z&until=2021-10-20T00:00:00Z";

    [Fact]
    public async Task The_current_link_reads_the_feed_without_holders_and_every_other_link_is_refused_alike()
    {
        var venue = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "LNK-1"));
        var other = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "LNK-2"));
        var talks = await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(room.Id, VenuesIntents.DayOneNine, 90, "Talks: China and Kazakhstan")))
            .OkAsync<BookingView>();
        using var manager = await app.ClientForAsync(Roles.VenueManager);
        var status = await (await manager.GetAsync($"/api/v1/venues/rooms/{room.Id}/calendar-link")).OkAsync<CalendarLinkView>();
        Assert.False(status.Active);

        var madeAt = app.Clock.GetUtcNow();
        var first = await (await manager.PostAsync($"/api/v1/venues/rooms/{room.Id}/calendar-link", null)).OkAsync<CalendarLinkView>();
        Assert.True(first.Active);
        Assert.Equal(madeAt, first.IssuedAt);
        var firstToken = TokenOf(first.Path!);
        Assert.True(firstToken.Length >= 43, firstToken);

        // Anyone with the link reads the room's calendar, as a calendar program does; the holders stay out of it.
        using var anonymous = app.CreateClient();
        var response = await anonymous.GetAsync(first.Path + Window);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.CacheControl!.NoStore);
        var text = await response.Content.ReadAsStringAsync();
        var calendar = Ical.Net.Calendar.Load(text)!;
        var booked = Assert.Single(calendar.Events);
        Assert.Equal($"{talks.Id}@{RoomCalendarService.UidDomain}", booked.Uid);
        Assert.Equal("Talks: China and Kazakhstan", booked.Summary);
        Assert.Equal(talks.StartsAt.UtcDateTime, booked.DtStart!.AsUtc);
        Assert.DoesNotContain("Kazakhstan", booked.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("Delegation", text, StringComparison.Ordinal);
        Assert.Contains("10 people", booked.Description, StringComparison.Ordinal);

        // Only the token's hash is kept, and asking for the status never gives the link back.
        var stored = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Set<Room>().AsNoTracking()
            .Where(r => r.Id == room.Id).Select(r => r.CalendarTokenHash).SingleAsync());
        Assert.Equal(Tokens.Hash(firstToken), stored);
        Assert.DoesNotContain(firstToken, stored!, StringComparison.Ordinal);
        var again = await (await manager.GetAsync($"/api/v1/venues/rooms/{room.Id}/calendar-link")).OkAsync<CalendarLinkView>();
        Assert.True(again.Active);
        Assert.Null(again.Path);

        // Rotated: the new link reads, the old one is refused.
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await (await manager.PostAsync($"/api/v1/venues/rooms/{room.Id}/calendar-link", null)).OkAsync<CalendarLinkView>();
        var secondToken = TokenOf(second.Path!);
        Assert.NotEqual(firstToken, secondToken);
        Assert.Equal(madeAt.AddMinutes(5), second.IssuedAt);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(second.Path)).StatusCode);
        var otherLink = await (await manager.PostAsync($"/api/v1/venues/rooms/{other.Id}/calendar-link", null)).OkAsync<CalendarLinkView>();

        var refusals = new List<string>
        {
            first.Path!,
            CalendarLinkService.PathFor(room.Id, Tokens.NewToken()),
            CalendarLinkService.PathFor(room.Id, secondToken[..^1] + (secondToken[^1] == 'A' ? 'B' : 'A')),
            CalendarLinkService.PathFor(room.Id, secondToken + "x"),
            CalendarLinkService.PathFor(room.Id, secondToken + new string('a', VenueLimits.MaxCalendarTokenLength)),
            CalendarLinkService.PathFor(room.Id, new string('a', 4000)),
            CalendarLinkService.PathFor(room.Id, Tokens.Hash(secondToken)),
            CalendarLinkService.PathFor(room.Id, TokenOf(otherLink.Path!)),
            CalendarLinkService.PathFor(Guid.NewGuid(), secondToken),
        };
        var bodies = new HashSet<string>();
        foreach (var path in refusals)
        {
            var refused = await anonymous.GetAsync(path + Window);
            await refused.AssertProblemAsync(404, VenuesErrors.CalendarLinkInvalid);
            var problem = await refused.ProblemAsync();
            // The same answer, word for word, whatever the reason (only the request's own trace id differs).
            bodies.Add(string.Join("|", problem.EnumerateObject().Where(p => p.Name is not ("traceId" or "instance")).Select(p => $"{p.Name}={p.Value}")));
        }

        Assert.Single(bodies);

        // Revoked: refused alike; the other room's link still reads.
        var revoked = await (await manager.DeleteAsync($"/api/v1/venues/rooms/{room.Id}/calendar-link")).OkAsync<CalendarLinkView>();
        Assert.False(revoked.Active);
        await (await anonymous.GetAsync(second.Path)).AssertProblemAsync(404, VenuesErrors.CalendarLinkInvalid);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(otherLink.Path)).StatusCode);
        Assert.Null(await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Set<Room>().AsNoTracking()
            .Where(r => r.Id == room.Id).Select(r => r.CalendarTokenHash).SingleAsync()));

        var actions = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "room" && a.EntityId == room.Id.ToString() && a.Action.StartsWith("room.calendar_link"))
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal([VenuesAudit.CalendarLinkIssued, VenuesAudit.CalendarLinkRotated, VenuesAudit.CalendarLinkRevoked], actions);
    }

    [Fact]
    public async Task Only_venue_managers_make_or_see_a_link_and_the_feed_is_anonymous_and_rate_limited()
    {
        var venue = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "LNK-3"));
        foreach (var role in new[] { Roles.Secretariat, Roles.SecurityOfficer })
        {
            using var staff = await app.ClientForAsync(role);
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync($"/api/v1/venues/rooms/{room.Id}/calendar-link", null)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/api/v1/venues/rooms/{room.Id}/calendar-link")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.DeleteAsync($"/api/v1/venues/rooms/{room.Id}/calendar-link")).StatusCode);
        }

        using var manager = await app.ClientForAsync(Roles.VenueManager);
        await (await manager.PostAsync($"/api/v1/venues/rooms/{Guid.NewGuid()}/calendar-link", null)).AssertProblemAsync(404, VenuesErrors.RoomNotFound);

        var feed = Assert.Single(app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>(),
            e => e.RoutePattern.RawText?.Contains("/venues/feeds/", StringComparison.Ordinal) == true);
        Assert.NotNull(feed.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>());
        Assert.Equal(RateLimitFamily.Public, feed.Metadata.GetMetadata<SummitRateLimitAttribute>()?.Family);

        // The room's page offers the link to venue managers only, in both languages.
        Assert.Contains("data-testid=\"calendar-link-make\"", await app.PageAsync(Roles.VenueManager, $"/venues/rooms/{room.Id}"), StringComparison.Ordinal);
        Assert.Contains("私密日历链接", await app.PageAsync(Roles.VenueManager, $"/venues/rooms/{room.Id}", "zh-Hans"), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"calendar-link\"", await app.PageAsync(Roles.Secretariat, $"/venues/rooms/{room.Id}"), StringComparison.Ordinal);
    }

    private static string TokenOf(string path)
    {
        var parts = path.Split('/');
        Assert.Equal("calendar.ics", parts[^1]);
        return parts[^2];
    }
}
