using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server.Guests;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Security;
using Summit.Server.Programme;
using Summit.Server.Programme.Agenda;
using Summit.Server.Programme.People;
using Summit.Server.Programme.Releases;
using Summit.Server.Programme.Sessions;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;
using Summit.Tests.Venues;

namespace Summit.Tests.Programme.Agenda;

/// <summary>
/// Personal agendas in the guest portal: a guest picks sessions of the latest release, sees clashes (overlap, too little travel time between
/// venues) without being refused, keeps the choice across releases (a moved or cancelled session shows as such), sees the sessions they speak
/// in without choosing them, and reads it all as a signed, revocable iCalendar feed; no guest sees another's agenda.
/// </summary>
public sealed class AgendaTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task A_guest_picks_sessions_sees_clashes_and_the_agenda_shows_what_a_later_release_moved_or_cancelled()
    {
        var (guestId, token) = await app.GuestWithTokenAsync();
        var day = VenuesIntents.DayOneNine;
        var (_, a, roomA) = await app.PlacedSessionAsync("Agenda: opening", day, "AG-A");
        var (_, b, _) = await app.PlacedSessionAsync("Agenda: overlapping", day.AddMinutes(60), "AG-B");
        var (_, c, _) = await app.PlacedSessionAsync("Agenda: morning", day.AddDays(1), "AG-C");
        // 10 minutes after c ends, in another venue: the default travel time between venues is 30 minutes.
        var (_, d, _) = await app.PlacedSessionAsync("Agenda: too close", day.AddDays(1).AddMinutes(100), "AG-D");
        await (await app.ReleaseAsync("agenda")).OkAsync<ReleaseView>();

        using var portal = app.CreateClient();
        var view = await portal.AddToAgendaAsync(token, a.Id);
        Assert.Equal([a.Id], view.Entries.Select(e => e.SessionId));
        Assert.True(view.Entries[0].Chosen);
        Assert.Empty(view.Clashes);
        view = await portal.AddToAgendaAsync(token, b.Id);
        var overlap = Assert.Single(view.Clashes);
        Assert.Equal((a.Id, b.Id, AgendaClashKind.Overlap), (overlap.FirstSessionId, overlap.SecondSessionId, overlap.Kind));
        await portal.AddToAgendaAsync(token, c.Id);
        view = await portal.AddToAgendaAsync(token, d.Id);
        var travel = view.Clashes.Single(x => x.Kind == AgendaClashKind.TravelTooShort);
        Assert.Equal((c.Id, d.Id, 10, 30), (travel.FirstSessionId, travel.SecondSessionId, travel.GapMinutes, travel.TravelMinutes));
        // Adding again changes nothing; a session the release does not have is refused; the offer says what is in the agenda.
        view = await portal.AddToAgendaAsync(token, d.Id);
        Assert.Equal(4, view.Chosen);
        Assert.True(view.Offers.Single(o => o.SessionId == d.Id).InAgenda);
        await (await portal.PutAsync($"/api/v1/portal/{token}/agenda/sessions/{Guid.NewGuid()}", null)).AssertProblemAsync(404,
            ProgrammeErrors.AgendaSessionUnknown);
        view = await (await portal.DeleteAsync($"/api/v1/portal/{token}/agenda/sessions/{d.Id}")).OkAsync<AgendaView>();
        Assert.DoesNotContain(view.Clashes, x => x.Kind == AgendaClashKind.TravelTooShort);
        Assert.Equal(3, view.Chosen);

        // A later release moves a two days on and cancels b: the agenda keeps both, marked.
        await (await app.PlaceAsync(a.Id, roomA.Id, day.AddDays(2), 90)).OkAsync<SessionView>();
        using (var manager = await app.ClientForAsync(Summit.Server.Infrastructure.Identity.Roles.ProgrammeManager))
        {
            Assert.True((await manager.DeleteAsync($"/api/v1/programme/sessions/{b.Id}/placement")).IsSuccessStatusCode);
        }

        await (await app.ReleaseAsync("moved and cancelled")).OkAsync<ReleaseView>();
        view = await (await portal.GetAsync($"/api/v1/portal/{token}/agenda")).OkAsync<AgendaView>();
        var moved = view.Entries.Single(e => e.SessionId == a.Id);
        Assert.Equal(AgendaEntryState.Moved, moved.State);
        Assert.Equal(day, moved.ChosenStartsAt!.Value);
        Assert.Equal(day.AddDays(2), moved.StartsAt);
        Assert.False(moved.RoomChanged);
        var cancelled = view.Entries.Single(e => e.SessionId == b.Id);
        Assert.Equal((AgendaEntryState.Cancelled, "Agenda: overlapping"), (cancelled.State, cancelled.TitleEn));
        Assert.Equal(AgendaEntryState.Scheduled, view.Entries.Single(e => e.SessionId == c.Id).State);
        Assert.Empty(view.Clashes);
        Assert.DoesNotContain(view.Offers, o => o.SessionId == b.Id);
        // The cancelled one can still be taken out.
        view = await (await portal.DeleteAsync($"/api/v1/portal/{token}/agenda/sessions/{b.Id}")).OkAsync<AgendaView>();
        Assert.Equal([c.Id, a.Id], view.Entries.Select(e => e.SessionId));

        // Bounded: past the limit a choice is refused with a stable code.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SummitDbContext>();
            for (var i = view.Chosen; i < ProgrammeLimits.MaxAgendaChoices; i++)
            {
                db.Add(new AgendaChoice { EventId = app.EventId, GuestId = guestId, SessionId = Guid.NewGuid(), ReleaseNumber = 1, StartsAt = day.ToUniversalTime(), RoomId = roomA.Id });
            }

            await db.SaveChangesAsync();
        }

        await (await portal.PutAsync($"/api/v1/portal/{token}/agenda/sessions/{d.Id}", null)).AssertProblemAsync(409, ProgrammeErrors.AgendaFull);
    }

    [Fact]
    public async Task A_speaker_sees_the_sessions_they_appear_in_with_their_role_and_no_guest_sees_another_guests_agenda()
    {
        var (speakerGuestId, speakerToken) = await app.GuestWithTokenAsync();
        var (_, otherToken) = await app.GuestWithTokenAsync();
        var person = await app.CreatePersonAsync(new PersonInput(speakerGuestId));
        var (_, panel, _) = await app.PlacedSessionAsync("Agenda: speaker's panel", VenuesIntents.DayOneNine.AddDays(2).AddHours(5), "AG-S");
        var (_, keynote, _) = await app.PlacedSessionAsync("Agenda: speaker's keynote", VenuesIntents.DayOneNine.AddDays(2).AddHours(8), "AG-K");
        await (await app.SetPeopleAsync(panel.Id, new ParticipantInput(person.Id, ParticipantRole.Panellist, 1))).OkAsync<SessionView>();
        await (await app.SetPeopleAsync(keynote.Id, new ParticipantInput(person.Id, ParticipantRole.Chair, 1),
            new ParticipantInput(person.Id, ParticipantRole.Speaker, 2))).OkAsync<SessionView>();
        await (await app.ReleaseAsync("speakers")).OkAsync<ReleaseView>();

        using var portal = app.CreateClient();
        var view = await (await portal.GetAsync($"/api/v1/portal/{speakerToken}/agenda")).OkAsync<AgendaView>();
        Assert.Equal([panel.Id, keynote.Id], view.Entries.Select(e => e.SessionId));
        Assert.All(view.Entries, e => Assert.False(e.Chosen));
        Assert.Equal([ParticipantRole.Panellist], view.Entries[0].Roles);
        Assert.Equal([ParticipantRole.Chair, ParticipantRole.Speaker], view.Entries[1].Roles);
        Assert.Equal(0, view.Chosen);
        // Choosing a session one speaks in marks it chosen too, without a second entry.
        view = await portal.AddToAgendaAsync(speakerToken, panel.Id);
        Assert.Single(view.Entries, e => e.SessionId == panel.Id && e.Chosen && e.Roles.Count == 1);

        // Another guest sees none of it: not the speaker's sessions as theirs, not the speaker's choice.
        var otherJson = await (await portal.GetAsync($"/api/v1/portal/{otherToken}/agenda")).Content.ReadAsStringAsync();
        var other = System.Text.Json.JsonSerializer.Deserialize<AgendaView>(otherJson, Intents.Json)!;
        Assert.Empty(other.Entries);
        Assert.Equal(0, other.Chosen);
        Assert.False(other.Offers.Single(o => o.SessionId == panel.Id).InAgenda);
        Assert.DoesNotContain(speakerGuestId.ToString(), otherJson, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(person.Id.ToString(), otherJson, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Panellist", otherJson, StringComparison.Ordinal);

        // A token that opens no registered guest's portal opens no agenda.
        await (await portal.GetAsync("/api/v1/portal/not-a-token/agenda")).AssertProblemAsync(404, GuestErrors.InvitationNotFound);
        var invited = await app.CreateGuestAsync();
        var invitedToken = await app.InviteAsync(invited.Id);
        await (await portal.GetAsync($"/api/v1/portal/{invitedToken}/agenda")).AssertProblemAsync(409, ProgrammeErrors.AgendaClosed);
    }

    [Fact]
    public async Task The_feed_is_an_icalendar_of_the_guests_agenda_in_their_language_and_the_events_zone_refused_when_forged_renewed_or_revoked()
    {
        var (guestId, token) = await app.GuestWithTokenAsync();
        var person = await app.CreatePersonAsync(new PersonInput(guestId));
        var (_, chosen, _) = await app.PlacedSessionAsync("Agenda: feed chosen", VenuesIntents.DayOneNine.AddHours(9), "AG-F1");
        var (_, spoken, _) = await app.PlacedSessionAsync("Agenda: feed speaker", VenuesIntents.DayOneNine.AddDays(1).AddHours(9), "AG-F2");
        await (await app.SetPeopleAsync(spoken.Id, new ParticipantInput(person.Id, ParticipantRole.Moderator, 1))).OkAsync<SessionView>();
        await (await app.ReleaseAsync("feed")).OkAsync<ReleaseView>();
        using var portal = app.CreateClient();
        await portal.AddToAgendaAsync(token, chosen.Id);

        var link = await (await portal.PostAsync($"/api/v1/portal/{token}/agenda/feed", null)).OkAsync<AgendaFeedLink>();
        Assert.StartsWith("http://summit.test/api/v1/agenda/", link.Url, StringComparison.Ordinal);
        Assert.Equal("webcal://" + link.Url["http://".Length..], link.WebcalUrl);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], link.QrPng[..4]);
        var path = new Uri(link.Url).AbsolutePath;

        using var anonymous = app.CreateClient();
        var response = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var calendar = Ical.Net.Calendar.Load(text)!;
        Assert.Equal(AgendaFeedService.ProductId, calendar.ProductId);
        Assert.Contains(calendar.TimeZones, z => z.TzId == "Asia/Shanghai");
        Assert.Equal(2, calendar.Events.Count);
        var first = calendar.Events.Single(e => e.Uid == $"{chosen.Id}@{AgendaFeedService.UidDomain}");
        // The guest reads Chinese (NewGuestInput): the Chinese title, in the event's zone.
        Assert.Equal("Agenda: feed chosen（中）", first.Summary);
        Assert.Equal("Asia/Shanghai", first.DtStart!.TzId);
        Assert.Equal(chosen.StartsAt!.Value.UtcDateTime, first.DtStart.AsUtc);
        Assert.Equal(chosen.EndsAt!.Value.UtcDateTime, first.DtEnd!.AsUtc);
        Assert.Contains("AG-F1", first.Location!, StringComparison.Ordinal);
        var second = calendar.Events.Single(e => e.Uid == $"{spoken.Id}@{AgendaFeedService.UidDomain}");
        Assert.Contains("主持人", second.Description!, StringComparison.Ordinal);

        // The portal now says a feed exists, without its address.
        var view = await (await portal.GetAsync($"/api/v1/portal/{token}/agenda")).OkAsync<AgendaView>();
        Assert.NotNull(view.FeedCreatedAt);

        // Forged: another key, another id, a key too long: all 404 with one code.
        var parts = path.Split('/');
        var (feedId, key) = (parts[^3], parts[^2]);
        await (await anonymous.GetAsync($"/api/v1/agenda/{feedId}/{key[..^1]}{(key[^1] == 'A' ? 'B' : 'A')}/agenda.ics")).AssertProblemAsync(404,
            ProgrammeErrors.FeedNotFound);
        await (await anonymous.GetAsync($"/api/v1/agenda/{Guid.NewGuid()}/{key}/agenda.ics")).AssertProblemAsync(404, ProgrammeErrors.FeedNotFound);
        await (await anonymous.GetAsync($"/api/v1/agenda/{feedId}/{new string('k', 200)}/agenda.ics")).AssertProblemAsync(404, ProgrammeErrors.FeedNotFound);

        // Renewed: the old address stops working, the new one works; revoked: the new one stops too.
        var renewed = await (await portal.PostAsync($"/api/v1/portal/{token}/agenda/feed", null)).OkAsync<AgendaFeedLink>();
        await (await anonymous.GetAsync(path)).AssertProblemAsync(404, ProgrammeErrors.FeedNotFound);
        var renewedPath = new Uri(renewed.Url).AbsolutePath;
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(renewedPath)).StatusCode);
        view = await (await portal.DeleteAsync($"/api/v1/portal/{token}/agenda/feed")).OkAsync<AgendaView>();
        Assert.Null(view.FeedCreatedAt);
        await (await anonymous.GetAsync(renewedPath)).AssertProblemAsync(404, ProgrammeErrors.FeedNotFound);

        // Only the key's hash is stored.
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SummitDbContext>();
        Assert.False(await db.Set<AgendaFeed>().AnyAsync(f => f.GuestId == guestId));
    }

    [Fact]
    public async Task The_portal_page_shows_the_guests_own_agenda_and_not_anyone_elses()
    {
        var (_, token) = await app.GuestWithTokenAsync();
        var (_, otherToken) = await app.GuestWithTokenAsync();
        var (_, session, _) = await app.PlacedSessionAsync("Agenda: on the portal page", VenuesIntents.DayOneNine.AddDays(1).AddHours(12), "AG-P");
        await (await app.ReleaseAsync("portal page")).OkAsync<ReleaseView>();
        using var portal = app.CreateClient();
        await portal.AddToAgendaAsync(token, session.Id);

        var page = await app.PortalPageAsync(token);
        Assert.Contains("data-testid=\"agenda\"", page, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"agenda-entry\" data-session=\"{session.Id}\" data-state=\"Scheduled\" data-chosen=\"true\"", page, StringComparison.Ordinal);
        Assert.Contains("Agenda: on the portal page", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"agenda-feed-renew\"", page, StringComparison.Ordinal);
        var other = await app.PortalPageAsync(otherToken);
        Assert.Contains("data-testid=\"agenda-empty\"", other, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"agenda-entry\"", other, StringComparison.Ordinal);
        // In Chinese too.
        Assert.Contains("我的日程", await app.PortalPageAsync(token, "zh-Hans"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_agenda_endpoints_are_anonymous_and_rate_limited_the_portals_per_token_and_the_feed_as_public()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.Contains("agenda", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(8, endpoints.Count);
        Assert.All(endpoints, e => Assert.Equal(e.RoutePattern.RawText!.Contains("{token}", StringComparison.Ordinal) ? RateLimitFamily.Portal : RateLimitFamily.Public,
            e.Metadata.GetMetadata<SummitRateLimitAttribute>()?.Family));
    }

    [Fact]
    public void Clashes_are_decided_in_one_pure_place()
    {
        var venueA = Guid.NewGuid();
        var venueB = Guid.NewGuid();
        var nine = VenuesIntents.DayOneNine;
        AgendaEntry Entry(int startMinutes, int minutes, Guid venue, AgendaEntryState state = AgendaEntryState.Scheduled) =>
            new(Guid.NewGuid(), "t", "t", nine.AddMinutes(startMinutes), nine.AddMinutes(startMinutes + minutes), Guid.NewGuid(), "r", "r", venue, "v", "v",
                true, [], state);
        var first = Entry(0, 60, venueA);
        var sameVenueRightAfter = Entry(60, 30, venueA);
        var otherVenueTooSoon = Entry(100, 30, venueB);
        var otherVenueInTime = Entry(175, 30, venueA);
        var overlapsButCancelled = Entry(10, 30, venueA, AgendaEntryState.Cancelled);
        var clashes = AgendaClashes.Find([otherVenueInTime, overlapsButCancelled, first, sameVenueRightAfter, otherVenueTooSoon], (_, _) => 45);
        var overlap = AgendaClashes.Find([first, Entry(59, 10, venueA)], (_, _) => 45);
        Assert.Equal(AgendaClashKind.Overlap, Assert.Single(overlap).Kind);
        // 40 and 10 minutes to reach venue B: too few; 45 minutes back to venue A: just enough; the same venue needs none; a cancelled session clashes with nothing.
        Assert.Equal([(first.SessionId, otherVenueTooSoon.SessionId, AgendaClashKind.TravelTooShort, 40, 45),
                (sameVenueRightAfter.SessionId, otherVenueTooSoon.SessionId, AgendaClashKind.TravelTooShort, 10, 45)],
            clashes.Select(c => (c.FirstSessionId, c.SecondSessionId, c.Kind, c.GapMinutes, c.TravelMinutes)));
    }
}
