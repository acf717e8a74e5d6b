using System.Net.Http.Json;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Programme.Rules;
using Summit.Server.Programme.Scheduling;
using Summit.Server.Programme.Sessions;
using Summit.Server.Programme.Settings;
using Summit.Server.Venues.Bookings;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;
using Summit.Tests.Venues;

namespace Summit.Tests.Programme.Scheduling;

/// <summary>
/// Automatic scheduling with the venues' equipment stock (an event of its own): what the venue's other bookings hold is read through the
/// venues contract, sessions are kept apart when the stock cannot serve them together, an accepted proposal leaves no shortage, and a stock
/// no timetable can respect is named in the reader's language.
/// </summary>
public sealed class ScheduleEquipmentTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task The_stock_keeps_sessions_apart_accepting_leaves_no_shortage_and_a_stock_too_small_is_named_in_both_languages()
    {
        var name = "Interpretation kit " + Guid.NewGuid().ToString("N")[..6];
        var kits = await app.CreateEquipmentAsync(name, 4);
        var venue = await app.CreateVenueAsync();
        // Two rooms open 09:00-10:00 on each of the event's three days; the venue lends 2 kits to a meeting in a third room on the first.
        var rooms = new List<Guid>();
        foreach (var code in new[] { "EK-1", "EK-2" })
        {
            rooms.Add((await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, code, theatre: 300, opensAt: new TimeOnly(9, 0), closesAt: new TimeOnly(10, 0)))).Id);
        }

        var side = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "EK-3"));
        await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(side.Id, VenuesIntents.DayOneNine, 60, equipment: [new EquipmentLine(kits.Id, 2)])))
            .OkAsync<BookingView>();
        var forum = await app.CreateForumAsync();
        var first = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "Dialogue with interpretation"));
        // Another forum: nothing but the kits keeps the two sessions apart.
        var other = await app.CreateForumAsync();
        var second = await app.CreateSessionAsync(ProgrammeIntents.NewSession(other.Id, "Workshop with interpretation"));
        foreach (var s in new[] { first, second })
        {
            await (await EquipmentAsync(s.Id, new EquipmentInput(kits.Id, 3))).OkAsync<SessionView>();
        }

        using var manager = await app.ClientForAsync(Roles.ProgrammeManager);
        var proposal = await ProposeAsync(manager);

        // 3 + 3 kits never at once, and not beside the meeting's 2: the first day's hour is out, so a day each, though both rooms are free.
        Assert.Equal(ScheduleStatus.Optimal, proposal.Status);
        Assert.Equal(2, proposal.Moves.Count);
        Assert.All(proposal.Moves, m => Assert.Contains(m.ToRoomId, rooms));
        Assert.Equal(2, proposal.Moves.Select(m => m.ToStartsAt.Date).Distinct().Count());
        Assert.All(proposal.Moves, m => Assert.True(m.ToStartsAt >= VenuesIntents.DayOneNine.AddDays(1)));

        await (await manager.PostAsJsonAsync("/api/v1/programme/schedule/acceptance",
            new AcceptScheduleInput(proposal.Fingerprint, [.. proposal.Moves.Select(m => new SessionPlacement(m.SessionId, m.ToRoomId, m.ToStartsAt, m.ToEndsAt))]),
            Intents.Json)).OkAsync<ScheduleAccepted>();
        foreach (var s in new[] { first, second })
        {
            var placed = await app.GetSessionAsync(s.Id);
            Assert.Equal(3, Assert.Single(placed.Equipment!).Held);
            Assert.DoesNotContain(placed.Conflicts, c => c.Rule == ConflictRule.EquipmentMissing);
        }

        // A session needing more kits than the event has: no timetable, and the stock is named.
        var crowd = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "Assembly with interpretation"));
        await (await EquipmentAsync(crowd.Id, new EquipmentInput(kits.Id, 5))).OkAsync<SessionView>();
        var refused = await ProposeAsync(manager);
        Assert.Equal(ScheduleStatus.Infeasible, refused.Status);
        var clash = Assert.Single(refused.Clashes);
        Assert.Equal((ClashKind.EquipmentStock, kits.Id), (clash.Kind, clash.SubjectId));
        Assert.Equal($"The stock of {name} (4) cannot cover the sessions that need it at the same time.", clash.Message);
        using (var chinese = await app.ClientForAsync(Roles.ProgrammeManager))
        {
            chinese.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-Hans");
            Assert.Equal($"{name}（中）的库存（4）不足以同时供应需要它的会议单元。", Assert.Single((await ProposeAsync(chinese)).Clashes).Message);
        }

        // With the rule ignored the stock does not bind: the assembly is placed (its booking then gets what the stock gives).
        await (await manager.PutAsJsonAsync("/api/v1/programme/settings", new ProgrammeSettingsInput(10, 30,
            Rules: [new RuleSeverityInput(ConflictRule.EquipmentMissing, RuleSeverity.Ignore)]), Intents.Json)).OkAsync<ProgrammeSettingsView>();
        var ignored = await ProposeAsync(manager);
        Assert.Equal(ScheduleStatus.Optimal, ignored.Status);
        Assert.Equal(crowd.Id, Assert.Single(ignored.Moves).SessionId);
    }

    private static async Task<ScheduleProposalView> ProposeAsync(HttpClient client) =>
        await (await client.PostAsJsonAsync("/api/v1/programme/schedule/proposal", new ScheduleRequest(), Intents.Json)).OkAsync<ScheduleProposalView>();

    private async Task<HttpResponseMessage> EquipmentAsync(Guid sessionId, params EquipmentInput[] lines)
    {
        using var manager = await app.ClientForAsync(Roles.ProgrammeManager);
        return await manager.PutAsJsonAsync($"/api/v1/programme/sessions/{sessionId}/equipment", lines, Intents.Json);
    }
}
