using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Programme;
using Summit.Server.Programme.Rules;
using Summit.Server.Programme.Sessions;
using Summit.Server.Programme.Settings;
using Summit.Server.Venues;
using Summit.Server.Venues.Bookings;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;
using Summit.Tests.Venues;

namespace Summit.Tests.Programme.Sessions;

/// <summary>
/// A session's equipment is booked with its room through the venues contract, in the same transaction: the venue's stock rule applies across
/// rooms at the same time, moving the session moves it, and what the stock cannot give is the programme's rule "equipment missing" with its
/// severity. Runs on SQLite, and on PostgreSQL with SUMMIT_TEST_POSTGRES set.
/// </summary>
public sealed class SessionEquipmentTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task Equipment_is_booked_with_the_room_a_short_stock_is_a_conflict_and_moving_the_session_moves_its_equipment()
    {
        await SettingsAsync(null, RuleSeverity.BlockRelease);
        var kits = await app.CreateEquipmentAsync("Interpretation kit " + Suffix(), 6);
        var streaming = await app.CreateEquipmentAsync("Streaming kit " + Suffix(), 1);
        var venue = await app.CreateVenueAsync();
        var hall = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "EQ-1", theatre: 300));
        var side = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "EQ-2", theatre: 300));
        var forum = await app.CreateForumAsync();
        var opening = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "Opening with kits"));
        var panel = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "Panel with kits"));
        var start = VenuesIntents.DayOneNine.AddDays(1);

        await (await EquipmentAsync(opening.Id, new EquipmentInput(kits.Id, 4), new EquipmentInput(streaming.Id, 1))).OkAsync<SessionView>();
        var placed = await (await app.PlaceAsync(opening.Id, hall.Id, start, 60)).OkAsync<SessionView>();
        Assert.Equal([(kits.Id, 4, 4), (streaming.Id, 1, 1)], placed.Equipment!.Select(e => (e.ItemId, e.Quantity, e.Held)).OrderBy(e => e.Item3 == 1 ? 1 : 0));
        Assert.Equal([(kits.Id, 4), (streaming.Id, 1)], (await BookingAsync(placed.BookingId!.Value)).Equipment.Select(l => (l.EquipmentItemId, l.Quantity))
            .OrderBy(l => l.Quantity == 1 ? 1 : 0));

        // Another room at the same time: 4 of the 6 kits are held, so the panel's booking gets 2 and the rule reports the rest.
        await (await EquipmentAsync(panel.Id, new EquipmentInput(kits.Id, 4))).OkAsync<SessionView>();
        var shortOf = await (await app.PlaceAsync(panel.Id, side.Id, start.AddMinutes(30), 60)).OkAsync<SessionView>();
        var conflict = Assert.Single(shortOf.Conflicts, c => c.Rule == ConflictRule.EquipmentMissing);
        Assert.Equal((RuleSeverity.BlockRelease, kits.Id, 4, 2), (conflict.Severity, conflict.ItemId, conflict.Needed, conflict.Available));
        Assert.Contains("needs 4 × Interpretation kit", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(2, Assert.Single(shortOf.Equipment!).Held);
        Assert.Equal(2, Assert.Single((await BookingAsync(shortOf.BookingId!.Value)).Equipment).Quantity);
        using (var chinese = await app.ClientForAsync(Roles.Secretariat))
        {
            chinese.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-Hans");
            var seen = await (await chinese.GetAsync($"/api/v1/programme/sessions/{panel.Id}")).OkAsync<SessionView>();
            Assert.Contains("需要 4 套", Assert.Single(seen.Conflicts, c => c.Rule == ConflictRule.EquipmentMissing).Message, StringComparison.Ordinal);
        }

        // Moved after the opening: the same booking now holds all four, and the conflict is gone.
        var moved = await (await app.PlaceAsync(panel.Id, side.Id, start.AddMinutes(60), 60)).OkAsync<SessionView>();
        Assert.Equal(shortOf.BookingId, moved.BookingId);
        Assert.DoesNotContain(moved.Conflicts, c => c.Rule == ConflictRule.EquipmentMissing);
        Assert.Equal(4, Assert.Single((await BookingAsync(moved.BookingId!.Value)).Equipment).Quantity);

        // Fewer kits for the opening: its booking takes the new lines at once.
        var fewer = await (await EquipmentAsync(opening.Id, new EquipmentInput(kits.Id, 2))).OkAsync<SessionView>();
        Assert.Equal(2, Assert.Single((await BookingAsync(fewer.BookingId!.Value)).Equipment).Quantity);

        var actions = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityId == opening.Id.ToString()).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal([ProgrammeAudit.SessionCreated, ProgrammeAudit.SessionEquipmentChanged, ProgrammeAudit.SessionPlaced, ProgrammeAudit.SessionEquipmentChanged],
            actions);
    }

    [Fact]
    public async Task When_the_rule_refuses_edits_a_placement_the_stock_cannot_equip_is_refused_and_nothing_is_booked()
    {
        await SettingsAsync(null, RuleSeverity.BlockEdit);
        var mics = await app.CreateEquipmentAsync("Wireless microphone " + Suffix(), 3);
        var venue = await app.CreateVenueAsync();
        var a = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "EB-1", theatre: 300));
        var b = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "EB-2", theatre: 300));
        var forum = await app.CreateForumAsync();
        var first = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "Dialogue with microphones"));
        var second = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "Release with microphones"));
        var start = VenuesIntents.DayOneNine.AddDays(2);
        await (await EquipmentAsync(first.Id, new EquipmentInput(mics.Id, 2))).OkAsync<SessionView>();
        await (await EquipmentAsync(second.Id, new EquipmentInput(mics.Id, 2))).OkAsync<SessionView>();
        await (await app.PlaceAsync(first.Id, a.Id, start, 60)).OkAsync<SessionView>();

        var refusal = await (await app.PlaceAsync(second.Id, b.Id, start, 60)).ProgrammeRefusalAsync(ProgrammeErrors.EditBlocked);

        var conflict = Assert.Single(refusal.Conflicts);
        Assert.Equal((ConflictRule.EquipmentMissing, 2, 1), (conflict.Rule, conflict.Needed, conflict.Available));
        var after = await app.GetSessionAsync(second.Id);
        Assert.Equal((null, null), (after.RoomId, after.BookingId));
        var bookings = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Set<Booking>().AsNoTracking().CountAsync(x => x.HolderId == second.Id));
        Assert.Equal(0, bookings);
        // A time the stock allows is accepted.
        await (await app.PlaceAsync(second.Id, b.Id, start.AddHours(1), 60)).OkAsync<SessionView>();
    }

    [Fact]
    public async Task A_session_with_interpretation_channels_must_state_the_events_kit_item()
    {
        var kits = await app.CreateEquipmentAsync("Interpretation kit " + Suffix(), 200);
        await SettingsAsync(kits.Id, RuleSeverity.BlockRelease);
        var forum = await app.CreateForumAsync();
        var session = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "Panel heard in two languages", channels: ["zh-Hans"]));

        var missing = Assert.Single(session.Conflicts, c => c.Rule == ConflictRule.EquipmentMissing);
        Assert.Equal((kits.Id, (int?)null), (missing.ItemId, missing.Needed));
        Assert.Contains("states no Interpretation kit", missing.Message, StringComparison.Ordinal);

        var stated = await (await EquipmentAsync(session.Id, new EquipmentInput(kits.Id, 150))).OkAsync<SessionView>();
        Assert.DoesNotContain(stated.Conflicts, c => c.Rule == ConflictRule.EquipmentMissing);
        await SettingsAsync(null, RuleSeverity.BlockRelease);
    }

    [Fact]
    public async Task Equipment_input_is_checked_and_only_programme_managers_set_it()
    {
        await SettingsAsync(null, RuleSeverity.BlockRelease);
        var mics = await app.CreateEquipmentAsync("Wireless microphone " + Suffix(), 3);
        var forum = await app.CreateForumAsync();
        var session = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "Panel with hostile input"));

        await AssertInvalidAsync(await EquipmentAsync(session.Id, new EquipmentInput(Guid.NewGuid(), 1)), ProgrammeErrors.EquipmentUnknown);
        await AssertInvalidAsync(await EquipmentAsync(session.Id, new EquipmentInput(mics.Id, 0)), "\"field\":\"equipment\"");
        await AssertInvalidAsync(await EquipmentAsync(session.Id, new EquipmentInput(mics.Id, 1), new EquipmentInput(mics.Id, 2)), ProgrammeErrors.EquipmentDuplicate);
        await AssertInvalidAsync(await EquipmentAsync(session.Id, [.. Enumerable.Range(0, ProgrammeLimits.MaxEquipmentLines + 1)
            .Select(_ => new EquipmentInput(Guid.NewGuid(), 1))]), ProgrammeErrors.TooMany);
        Assert.Empty((await app.GetSessionAsync(session.Id)).Equipment!);

        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var refused = await secretariat.PutAsJsonAsync($"/api/v1/programme/sessions/{session.Id}/equipment", new[] { new EquipmentInput(mics.Id, 1) }, Intents.Json);
        Assert.Equal(403, (int)refused.StatusCode);
    }

    private static string Suffix() => Guid.NewGuid().ToString("N")[..6];

    private static async Task AssertInvalidAsync(HttpResponseMessage response, string code)
    {
        await response.AssertProblemAsync(422, Summit.Server.ErrorCodes.RequestInvalid);
        Assert.Contains(code, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> EquipmentAsync(Guid sessionId, params EquipmentInput[] lines)
    {
        using var manager = await app.ClientForAsync(Roles.ProgrammeManager);
        return await manager.PutAsJsonAsync($"/api/v1/programme/sessions/{sessionId}/equipment", lines, Intents.Json);
    }

    private async Task<BookingView> BookingAsync(Guid bookingId)
    {
        using var manager = await app.ClientForAsync(Roles.VenueManager);
        return await (await manager.GetAsync($"/api/v1/venues/bookings/{bookingId}")).OkAsync<BookingView>();
    }

    private async Task SettingsAsync(Guid? kit, RuleSeverity equipment)
    {
        using var manager = await app.ClientForAsync(Roles.ProgrammeManager);
        await (await manager.PutAsJsonAsync("/api/v1/programme/settings", new ProgrammeSettingsInput(10, 30,
            Rules: [new RuleSeverityInput(ConflictRule.EquipmentMissing, equipment)], InterpretationKitId: kit), Intents.Json)).OkAsync<ProgrammeSettingsView>();
    }
}
