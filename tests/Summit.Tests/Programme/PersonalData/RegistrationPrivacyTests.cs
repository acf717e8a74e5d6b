using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Privacy;
using Summit.Server.Privacy.Contracts;
using Summit.Server.Programme;
using Summit.Server.Programme.Registrations;
using Summit.Server.Programme.Releases;
using Summit.Server.Programme.Sessions;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;
using Summit.Tests.Privacy;
using Summit.Tests.Venues;

namespace Summit.Tests.Programme.PersonalData;

/// <summary>
/// A guest's registrations for sessions are theirs: the officer's copy lists them (seated or waiting, with the place, when, by whom), and
/// erasure deletes them, a seat the guest held going to the first guest waiting, told by mail, as on a cancellation; the session's audit
/// trail records the cancellation without naming the erased guest. Runs on SQLite, and on PostgreSQL with SUMMIT_TEST_POSTGRES set.
/// </summary>
public sealed class RegistrationPrivacyTests(PrivacyFactory app) : IClassFixture<PrivacyFactory>
{
    [Fact]
    public async Task A_guests_registrations_are_in_their_copy_and_erasure_deletes_them_giving_their_seat_to_the_first_waiting()
    {
        var venue = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "RX-" + Guid.NewGuid().ToString("N")[..4], theatre: 1));
        var forum = await app.CreateForumAsync();
        var closed = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "Closed-door: erasure", attendance: 1) with { RegistrationRequired = true });
        await (await app.PlaceAsync(closed.Id, room.Id, VenuesIntents.DayOneNine.AddDays(1).AddHours(3), 60)).OkAsync<SessionView>();
        await (await app.ReleaseAsync("registrations and privacy")).OkAsync<ReleaseView>();
        var (seated, first, second) = (await app.RegisteredGuestAsync(), await app.RegisteredGuestAsync(), await app.RegisteredGuestAsync());
        using var manager = await app.ClientForAsync(Roles.ProgrammeManager);
        foreach (var guest in new[] { seated, first, second })
        {
            await (await manager.PostAsJsonAsync($"/api/v1/programme/sessions/{closed.Id}/registrations", new RegistrationInput(guest), Intents.Json))
                .OkAsync<SessionRegistrationsView>();
        }

        using var officer = await app.ClientForAsync(Roles.DataProtectionOfficer);
        var mine = Registration(await (await officer.GetAsync($"/api/v1/privacy/subjects/{seated}")).OkAsync<PersonalDataExport>());
        Assert.Equal((closed.Id.ToString(), "Seated", null, "staff", "Closed-door: erasure"),
            (Field(mine, "session"), Field(mine, "state"), Field(mine, "waitingPosition"), Field(mine, "registeredBy"), Field(mine, "titleEn")));
        Assert.NotNull(Field(mine, "registeredAt"));
        var waiting = Registration(await (await officer.GetAsync($"/api/v1/privacy/subjects/{second}")).OkAsync<PersonalDataExport>());
        Assert.Equal(("Waiting", "2"), (Field(waiting, "state"), Field(waiting, "waitingPosition")));

        var preview = await (await officer.GetAsync($"/api/v1/privacy/subjects/{seated}/erasure")).OkAsync<ErasurePreview>();
        Assert.Contains(preview.Counts, c => c is { Area: "programme", Kind: "registration", Action: DataAction.Deleted, Count: 1 });
        var result = await (await officer.PostAsJsonAsync($"/api/v1/privacy/subjects/{seated}/erasure", new ErasureRequest("Asked by mail", true), Intents.Json))
            .OkAsync<ErasureResult>();
        Assert.Equal(preview.Counts, result.Counts);

        // The seat went to the first guest waiting, who is told by mail; the second moves up.
        var book = await (await manager.GetAsync($"/api/v1/programme/sessions/{closed.Id}/registrations")).OkAsync<SessionRegistrationsView>();
        Assert.Equal([(first, RegistrationState.Seated, (int?)null), (second, RegistrationState.Waiting, 1)],
            book.Registrations.Select(r => (r.GuestId, r.State, r.WaitingPosition)));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SummitDbContext>();
        Assert.Single(await db.OutgoingMails.AsNoTracking().Where(m => m.Kind == RegistrationBook.PromotedMail && m.GuestId == first).ToListAsync());
        var trail = await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == closed.Id.ToString()).ToListAsync();
        var cancelled = Assert.Single(trail, a => a.Action == ProgrammeAudit.RegistrationCancelled);
        Assert.Contains("erased", cancelled.Changes ?? "", StringComparison.Ordinal);
        Assert.Contains(trail, a => a.Action == ProgrammeAudit.RegistrationPromoted && a.Changes!.Contains(first.ToString(), StringComparison.OrdinalIgnoreCase));
        // Nothing names the erased guest any more: not the session's list, not its trail.
        Assert.Empty((await app.DumpAsync()).Mentions(seated.ToString()));
    }

    [Fact]
    public async Task Erasing_a_waiting_guest_promotes_nobody_and_the_others_move_up()
    {
        var venue = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "RW-" + Guid.NewGuid().ToString("N")[..4], theatre: 1));
        var forum = await app.CreateForumAsync();
        var closed = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "Closed-door: waiting", attendance: 1) with { RegistrationRequired = true });
        await (await app.PlaceAsync(closed.Id, room.Id, VenuesIntents.DayOneNine.AddDays(2).AddHours(3), 60)).OkAsync<SessionView>();
        var (seated, first, second) = (await app.RegisteredGuestAsync(), await app.RegisteredGuestAsync(), await app.RegisteredGuestAsync());
        using var manager = await app.ClientForAsync(Roles.ProgrammeManager);
        foreach (var guest in new[] { seated, first, second })
        {
            await (await manager.PostAsJsonAsync($"/api/v1/programme/sessions/{closed.Id}/registrations", new RegistrationInput(guest), Intents.Json))
                .OkAsync<SessionRegistrationsView>();
        }

        using var officer = await app.ClientForAsync(Roles.DataProtectionOfficer);
        await (await officer.PostAsJsonAsync($"/api/v1/privacy/subjects/{first}/erasure", new ErasureRequest("Asked by phone", true), Intents.Json))
            .OkAsync<ErasureResult>();

        var book = await (await manager.GetAsync($"/api/v1/programme/sessions/{closed.Id}/registrations")).OkAsync<SessionRegistrationsView>();
        Assert.Equal([(seated, RegistrationState.Seated, (int?)null), (second, RegistrationState.Waiting, 1)],
            book.Registrations.Select(r => (r.GuestId, r.State, r.WaitingPosition)));
        Assert.False(await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().OutgoingMails.AsNoTracking()
            .AnyAsync(m => m.Kind == RegistrationBook.PromotedMail && (m.GuestId == seated || m.GuestId == second))));
    }

    private static PersonalRecord Registration(PersonalDataExport export) =>
        Assert.Single(export.Sections.Single(s => s.Area == "programme").Records, r => r.Kind == "registration");

    private static string? Field(PersonalRecord record, string name) => record.Fields.Single(f => f.Name == name).Value?.ToString();
}
