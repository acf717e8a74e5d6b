using System.Net.Http.Json;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Programme.Registrations;
using Summit.Server.Programme.Sessions;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;
using Summit.Tests.Venues;

namespace Summit.Tests.Programme.Pages;

/// <summary>The session editor's equipment and registrations, and the timetable's equipment conflicts, as rendered.</summary>
public sealed class SessionEquipmentAndRegistrationPagesTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task The_editor_shows_equipment_with_what_the_booking_holds_and_the_timetable_lists_the_shortage_in_both_languages()
    {
        var kits = await app.CreateEquipmentAsync("Interpretation kit PG", 6);
        var venue = await app.CreateVenueAsync();
        var a = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "PE-1", theatre: 300));
        var b = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "PE-2", theatre: 300));
        var forum = await app.CreateForumAsync();
        var first = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "Kits first"));
        var second = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "Kits second"));
        using var manager = await app.ClientForAsync(Roles.ProgrammeManager);
        foreach (var id in new[] { first.Id, second.Id })
        {
            await (await manager.PutAsJsonAsync($"/api/v1/programme/sessions/{id}/equipment", new[] { new EquipmentInput(kits.Id, 4) }, Intents.Json))
                .OkAsync<SessionView>();
        }

        await (await app.PlaceAsync(first.Id, a.Id, VenuesIntents.DayOneNine.AddHours(4), 60)).OkAsync<SessionView>();
        await (await app.PlaceAsync(second.Id, b.Id, VenuesIntents.DayOneNine.AddHours(4), 60)).OkAsync<SessionView>();

        var editor = await app.PageAsync(Roles.ProgrammeManager, $"/programme/sessions/{second.Id}");
        Assert.Contains($"data-testid=\"editor-equipment-line\" data-item=\"{kits.Id}\"", editor, StringComparison.Ordinal);
        Assert.Contains("2 / 4", editor, StringComparison.Ordinal);
        Assert.Contains("data-rule=\"EquipmentMissing\"", editor, StringComparison.Ordinal);
        Assert.Contains("editor-save-equipment", editor, StringComparison.Ordinal);
        Assert.DoesNotContain("editor-save-equipment", await app.PageAsync(Roles.VenueManager, $"/programme/sessions/{second.Id}"), StringComparison.Ordinal);

        var timetable = await app.PageAsync(Roles.Secretariat, "/programme/timetable?day=2021-09-26");
        Assert.Contains("Interpretation kit PG; its booking in room PE-2 holds 2", timetable, StringComparison.Ordinal);
        var chinese = await app.PageAsync(Roles.Secretariat, "/programme/timetable?day=2021-09-26", "zh-Hans");
        Assert.Contains("缺少设备", chinese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_programme_managers_see_who_registered_for_a_session()
    {
        var forum = await app.CreateForumAsync();
        var session = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "Closed-door page") with { RegistrationRequired = true });
        var guest = await app.CreateGuestAsync();
        await app.RegisterOkAsync(await app.InviteAsync(guest.Id));
        using var manager = await app.ClientForAsync(Roles.ProgrammeManager);
        await (await manager.PostAsJsonAsync($"/api/v1/programme/sessions/{session.Id}/registrations", new RegistrationInput(guest.Id), Intents.Json))
            .OkAsync<SessionRegistrationsView>();

        var managed = await app.PageAsync(Roles.ProgrammeManager, $"/programme/sessions/{session.Id}");
        Assert.Contains($"data-testid=\"editor-registration\" data-guest=\"{guest.Id}\" data-state=\"Waiting\"", managed, StringComparison.Ordinal);
        Assert.Contains("0 seated of 0 seats, 1 waiting", managed, StringComparison.Ordinal);
        var seen = await app.PageAsync(Roles.VenueManager, $"/programme/sessions/{session.Id}");
        Assert.DoesNotContain("editor-registrations", seen, StringComparison.Ordinal);
        Assert.DoesNotContain(guest.Id.ToString(), seen, StringComparison.Ordinal);
    }
}
