using Summit.Server.Infrastructure.Identity;
using Summit.Server.Programme.Agenda;
using Summit.Server.Programme.Releases;
using Summit.Server.Programme.Rules;
using Summit.Server.Programme.Sessions;
using Summit.Server.Programme.Timetable;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;
using Summit.Tests.Venues;

namespace Summit.Tests.Programme.Agenda;

/// <summary>
/// Expected demand from the guests' agendas: a session more guests chose than its room seats is flagged on the timetable with a swap for a
/// larger room of the same time whose own demand fits, and the rule "room capacity below expected demand" reads the same figure.
/// </summary>
public sealed class ExpectedDemandTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task A_session_chosen_by_more_guests_than_its_room_seats_is_flagged_with_a_swap_and_meets_the_capacity_rule()
    {
        var venue = await app.CreateVenueAsync();
        var small = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "DM-S", theatre: 2));
        var large = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "DM-L", theatre: 300));
        var other = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "DM-O", theatre: 300));
        var forum = await app.CreateForumAsync();
        var at = VenuesIntents.DayOneNine.AddDays(2).AddHours(3);
        var popular = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "Demand: popular", attendance: 1));
        var quiet = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "Demand: quiet", attendance: 1));
        var busy = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "Demand: busy", attendance: 250));
        await (await app.PlaceAsync(popular.Id, small.Id, at, 90)).OkAsync<SessionView>();
        await (await app.PlaceAsync(quiet.Id, large.Id, at, 90)).OkAsync<SessionView>();
        await (await app.PlaceAsync(busy.Id, other.Id, at, 90)).OkAsync<SessionView>();
        await (await app.ReleaseAsync("demand")).OkAsync<ReleaseView>();

        var day = DateOnly.FromDateTime(at.DateTime);
        Assert.DoesNotContain((await TimetableAsync(day)).Overflows, o => o.SessionId == popular.Id);
        using var portal = app.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            var guest = await app.CreateGuestAsync();
            var token = await app.InviteAsync(guest.Id);
            await app.RegisterOkAsync(token);
            await (await portal.PutAsync($"/api/v1/portal/{token}/agenda/sessions/{popular.Id}", null)).OkAsync<AgendaView>();
        }

        var timetable = await TimetableAsync(day);
        Assert.Equal(3, timetable.Slots.Single(s => s.SessionId == popular.Id).Chosen);
        var overflow = Assert.Single(timetable.Overflows, o => o.SessionId == popular.Id);
        // The quiet session's room seats the demand and its own demand fits the small room; the busy one's (250) does not.
        Assert.Equal((3, 1, 3, 2, quiet.Id, "DM-L", 300, 1),
            (overflow.Chosen, overflow.Expected, overflow.Demand, overflow.Capacity, overflow.SwapSessionId, overflow.SwapRoomCode, overflow.SwapRoomCapacity,
                overflow.SwapDemand));
        var conflict = Assert.Single(timetable.Conflicts, c => c.Rule == ConflictRule.CapacityBelowDemand && c.SessionId == popular.Id);
        Assert.Equal((3, 2), (conflict.Needed, conflict.Available));

        // The page says it too.
        var page = await app.PageAsync(Roles.Secretariat, $"/programme/timetable?day={day:yyyy-MM-dd}");
        Assert.Contains($"data-testid=\"timetable-overflow\" data-session=\"{popular.Id}\" data-swap=\"{quiet.Id}\"", page, StringComparison.Ordinal);
        Assert.Contains("3 expected (0 registered, 3 in guests' agendas, 1 expected by staff); the room seats 2", page, StringComparison.Ordinal);
    }

    private async Task<TimetableView> TimetableAsync(DateOnly day)
    {
        using var staff = await app.ClientForAsync(Roles.Secretariat);
        return await (await staff.GetAsync($"/api/v1/programme/timetable?day={day:yyyy-MM-dd}")).OkAsync<TimetableView>();
    }
}
