using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Programme;
using Summit.Server.Programme.Agenda;
using Summit.Server.Programme.Registrations;
using Summit.Server.Programme.Releases;
using Summit.Server.Programme.Rules;
using Summit.Server.Programme.Sessions;
using Summit.Server.Programme.Timetable;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;
using Summit.Tests.Venues;

namespace Summit.Tests.Programme.Registrations;

/// <summary>
/// Registrations for sessions that require them: a seat while the placed room has seats, then a waiting list, first come first served; a
/// cancelled seat goes to the first waiting guest, who is told by mail in their language; staff register from the session's page; the
/// registrations count in the expected demand. Runs on SQLite, and on PostgreSQL with SUMMIT_TEST_POSTGRES set.
/// </summary>
public sealed class SessionRegistrationTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task Guests_take_the_seats_then_wait_and_a_cancelled_seat_goes_to_the_first_waiting_who_is_told_by_mail()
    {
        var venue = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "RG-1", theatre: 2));
        var forum = await app.CreateForumAsync();
        var input = ProgrammeIntents.NewSession(forum.Id, "Closed-door: data rules", attendance: 1) with { RegistrationRequired = true };
        var closed = await app.CreateSessionAsync(input);
        var open = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "Open panel", attendance: 1));
        var at = VenuesIntents.DayOneNine.AddDays(1).AddHours(5);
        await (await app.PlaceAsync(closed.Id, room.Id, at, 60)).OkAsync<SessionView>();
        await (await app.PlaceAsync(open.Id, room.Id, at.AddHours(2), 60)).OkAsync<SessionView>();
        await (await app.ReleaseAsync("registrations")).OkAsync<ReleaseView>();
        Assert.True(closed.RegistrationRequired);

        var tokens = new List<(Guid Guest, string Token)>();
        for (var i = 0; i < 4; i++)
        {
            var guest = await app.CreateGuestAsync();
            var token = await app.InviteAsync(guest.Id);
            await app.RegisterOkAsync(token);
            tokens.Add((guest.Id, token));
        }

        using var portal = app.CreateClient();
        AgendaOffer Offer(AgendaView view) => view.Offers.Single(o => o.SessionId == closed.Id);
        var first = Offer(await RegisterAsync(portal, tokens[0].Token, closed.Id));
        Assert.Equal((true, RegistrationState.Seated, (int?)null, 1), (first.RegistrationRequired, first.Registration, first.WaitingPosition, first.SeatsLeft));
        await RegisterAsync(portal, tokens[1].Token, closed.Id);
        var third = Offer(await RegisterAsync(portal, tokens[2].Token, closed.Id));
        Assert.Equal((RegistrationState.Waiting, (int?)1, 0), (third.Registration, third.WaitingPosition, third.SeatsLeft));
        // Registering again changes nothing; an open session has nothing to register for.
        Assert.Equal(RegistrationState.Waiting, Offer(await RegisterAsync(portal, tokens[2].Token, closed.Id)).Registration);
        await (await portal.PutAsync($"/api/v1/portal/{tokens[0].Token}/agenda/sessions/{open.Id}/registration", null))
            .AssertProblemAsync(409, ProgrammeErrors.RegistrationNotRequired);
        await (await portal.PutAsync($"/api/v1/portal/not-a-token/agenda/sessions/{closed.Id}/registration", null)).AssertProblemAsync(404, Summit.Server.Guests.GuestErrors.InvitationNotFound);

        // Staff register the fourth guest from the session's page: second on the waiting list.
        using var manager = await app.ClientForAsync(Roles.ProgrammeManager);
        var book = await (await manager.PostAsJsonAsync($"/api/v1/programme/sessions/{closed.Id}/registrations", new RegistrationInput(tokens[3].Guest), Intents.Json))
            .OkAsync<SessionRegistrationsView>();
        Assert.Equal((2, 2, 2), (book.Seats, book.Seated, book.Waiting));
        Assert.Equal([tokens[0].Guest, tokens[1].Guest, tokens[2].Guest, tokens[3].Guest], book.Registrations.Select(r => r.GuestId));
        Assert.Equal([null, null, 1, 2], book.Registrations.Select(r => r.WaitingPosition));
        Assert.True(book.Registrations[3].ByStaff);

        // The first guest cancels: the first waiting guest gets the seat and a mail.
        var cancelled = await (await portal.DeleteAsync($"/api/v1/portal/{tokens[0].Token}/agenda/sessions/{closed.Id}/registration")).OkAsync<AgendaView>();
        Assert.Null(Offer(cancelled).Registration);
        var promoted = Offer(await (await portal.GetAsync($"/api/v1/portal/{tokens[2].Token}/agenda")).OkAsync<AgendaView>());
        Assert.Equal(RegistrationState.Seated, promoted.Registration);
        var still = Offer(await (await portal.GetAsync($"/api/v1/portal/{tokens[3].Token}/agenda")).OkAsync<AgendaView>());
        Assert.Equal((RegistrationState.Waiting, (int?)1), (still.Registration, still.WaitingPosition));
        var mails = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().OutgoingMails.AsNoTracking()
            .Where(m => m.Kind == RegistrationBook.PromotedMail).ToListAsync());
        var mail = Assert.Single(mails);
        Assert.Contains("Closed-door: data rules", mail.Subject, StringComparison.Ordinal);

        // The portal page says where the guest stands, in both languages.
        var page = await PortalPageAsync(tokens[3].Token, "en");
        Assert.Contains($"data-testid=\"agenda-unregister\" data-session=\"{closed.Id}\"", page, StringComparison.Ordinal);
        Assert.Contains("On the waiting list, no. 1", page, StringComparison.Ordinal);
        Assert.Contains("Registration required · 0 seats left", page, StringComparison.Ordinal);
        Assert.Contains("候补第 1 位", await PortalPageAsync(tokens[3].Token, "zh-Hans"), StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"agenda-register\" data-session=\"{closed.Id}\"", await PortalPageAsync(tokens[0].Token, "en"), StringComparison.Ordinal);

        var actions = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityId == closed.Id.ToString() && a.Action.StartsWith("programme.registration")).Select(a => a.Action).ToListAsync());
        Assert.Equal(4, actions.Count(a => a == ProgrammeAudit.RegistrationAdded));
        Assert.Contains(ProgrammeAudit.RegistrationCancelled, actions);
        Assert.Contains(ProgrammeAudit.RegistrationPromoted, actions);
        Assert.Contains(ProgrammeAudit.RegistrationsRead, actions);
    }

    [Fact]
    public async Task Registrations_are_firm_demand_and_flag_the_session_whose_room_is_too_small()
    {
        var venue = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "RG-2", theatre: 2));
        var forum = await app.CreateForumAsync();
        var closed = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "Closed-door: demand", attendance: 1) with { RegistrationRequired = true });
        var at = VenuesIntents.DayOneNine.AddDays(2).AddHours(6);
        await (await app.PlaceAsync(closed.Id, room.Id, at, 60)).OkAsync<SessionView>();
        using var manager = await app.ClientForAsync(Roles.ProgrammeManager);
        for (var i = 0; i < 3; i++)
        {
            var guest = await app.RegisteredGuestAsync();
            await (await manager.PostAsJsonAsync($"/api/v1/programme/sessions/{closed.Id}/registrations", new RegistrationInput(guest), Intents.Json))
                .OkAsync<SessionRegistrationsView>();
        }

        using var staff = await app.ClientForAsync(Roles.Secretariat);
        var timetable = await (await staff.GetAsync($"/api/v1/programme/timetable?day={DateOnly.FromDateTime(at.DateTime):yyyy-MM-dd}")).OkAsync<TimetableView>();
        var overflow = Assert.Single(timetable.Overflows, o => o.SessionId == closed.Id);
        Assert.Equal((3, 0, 1, 3, 2), (overflow.Registered, overflow.Chosen, overflow.Expected, overflow.Demand, overflow.Capacity));
        var conflict = Assert.Single(timetable.Conflicts, c => c.Rule == ConflictRule.CapacityBelowDemand && c.SessionId == closed.Id);
        Assert.Equal((3, 2), (conflict.Needed, conflict.Available));
    }

    [Fact]
    public async Task Staff_registration_is_checked_and_reserved_to_programme_managers()
    {
        var forum = await app.CreateForumAsync();
        var closed = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "Closed-door: checks") with { RegistrationRequired = true });
        var open = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "Open: checks"));
        using var manager = await app.ClientForAsync(Roles.ProgrammeManager);

        await (await manager.PostAsJsonAsync($"/api/v1/programme/sessions/{closed.Id}/registrations", new RegistrationInput(Guid.NewGuid()), Intents.Json))
            .AssertProblemAsync(422, ProgrammeErrors.RegistrationGuestUnknown);
        var invited = await app.CreateGuestAsync();
        await app.InviteAsync(invited.Id);
        await (await manager.PostAsJsonAsync($"/api/v1/programme/sessions/{closed.Id}/registrations", new RegistrationInput(invited.Id), Intents.Json))
            .AssertProblemAsync(422, ProgrammeErrors.RegistrationGuestUnknown);
        var guest = await app.RegisteredGuestAsync();
        await (await manager.PostAsJsonAsync($"/api/v1/programme/sessions/{open.Id}/registrations", new RegistrationInput(guest), Intents.Json))
            .AssertProblemAsync(409, ProgrammeErrors.RegistrationNotRequired);
        await (await manager.GetAsync($"/api/v1/programme/sessions/{Guid.NewGuid()}/registrations")).AssertProblemAsync(404, ProgrammeErrors.SessionNotFound);

        // Unplaced: no seats yet, so the guest waits.
        var waiting = await (await manager.PostAsJsonAsync($"/api/v1/programme/sessions/{closed.Id}/registrations", new RegistrationInput(guest), Intents.Json))
            .OkAsync<SessionRegistrationsView>();
        Assert.Equal((0, 0, 1), (waiting.Seats, waiting.Seated, waiting.Waiting));

        foreach (var role in new[] { Roles.Secretariat, Roles.VenueManager, Roles.MediaOfficer })
        {
            using var other = await app.ClientForAsync(role);
            Assert.Equal(403, (int)(await other.GetAsync($"/api/v1/programme/sessions/{closed.Id}/registrations")).StatusCode);
            Assert.Equal(403, (int)(await other.DeleteAsync($"/api/v1/programme/sessions/{closed.Id}/registrations/{guest}")).StatusCode);
        }

        var cancelled = await (await manager.DeleteAsync($"/api/v1/programme/sessions/{closed.Id}/registrations/{guest}")).OkAsync<SessionRegistrationsView>();
        Assert.Empty(cancelled.Registrations);
    }

    private async Task<string> PortalPageAsync(string token, string language)
    {
        using var browser = await app.BrowserForAsync(null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/portal/" + token);
        request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await browser.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static async Task<AgendaView> RegisterAsync(HttpClient portal, string token, Guid sessionId) =>
        await (await portal.PutAsync($"/api/v1/portal/{token}/agenda/sessions/{sessionId}/registration", null)).OkAsync<AgendaView>();
}
