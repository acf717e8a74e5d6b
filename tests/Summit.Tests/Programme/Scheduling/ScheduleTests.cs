using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Programme;
using Summit.Server.Programme.Scheduling;
using Summit.Server.Programme.Sessions;
using Summit.Server.Venues;
using Summit.Server.Venues.Bookings;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;
using Summit.Tests.Venues;

namespace Summit.Tests.Programme.Scheduling;

/// <summary>
/// Automatic scheduling through the API: a proposal changes nothing, shows each session from → to, keeps clear of what the venue holds the
/// rooms for and of the rooms' hours; accepting places the sessions through the normal placement path (rooms booked, audited), and is refused
/// once the draft has changed. Hostile requests are refused with stable codes.
/// </summary>
public sealed class ScheduleTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task A_proposal_changes_nothing_and_accepting_it_books_the_rooms_through_the_venue_then_a_rerun_moves_nothing()
    {
        var venue = await app.CreateVenueAsync();
        var hall = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "SC-1", theatre: 300, opensAt: new TimeOnly(9, 0), closesAt: new TimeOnly(18, 0)));
        var small = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "SC-2", theatre: 80, opensAt: new TimeOnly(9, 0), closesAt: new TimeOnly(18, 0)));
        // The venue holds the hall all of the first day for something else.
        await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(hall.Id, VenuesIntents.DayOneNine, 9 * 60, attendance: 30, layout: RoomLayout.Theatre)))
            .OkAsync<BookingView>();
        var forum = await app.CreateForumAsync();
        var speaker = await app.CreateRemoteSpeakerAsync();
        var big = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "Opening of the forum", attendance: 250));
        var first = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "Panel: open data", attendance: 60));
        var second = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "Panel: data trade", attendance: 60));
        foreach (var s in new[] { first, second })
        {
            (await app.SetPeopleAsync(s.Id, new ParticipantInput(speaker.Id, ParticipantRole.Speaker, 1))).EnsureSuccessStatusCode();
        }

        using var manager = await app.ClientForAsync(Roles.ProgrammeManager);
        var proposal = await (await manager.PostAsJsonAsync("/api/v1/programme/schedule/proposal", new ScheduleRequest(GridMinutes: 15), Intents.Json))
            .OkAsync<ScheduleProposalView>();

        Assert.Equal(ScheduleStatus.Optimal, proposal.Status);
        var mine = proposal.Moves.Where(m => m.SessionId == big.Id || m.SessionId == first.Id || m.SessionId == second.Id).ToDictionary(m => m.SessionId);
        Assert.Equal(3, mine.Count);
        Assert.All(mine.Values, m => Assert.Null(m.FromRoomId));
        var opening = mine[big.Id];
        Assert.Equal(("SC-1", hall.Id), (opening.ToRoom, opening.ToRoomId));
        // Not on the first day (the venue's booking), within 09:00-18:00 local, on the quarter hour.
        Assert.True(opening.ToStartsAt >= VenuesIntents.DayOneNine.AddDays(1));
        Assert.All(mine.Values, m =>
        {
            var local = m.ToStartsAt.ToOffset(TimeSpan.FromHours(8));
            Assert.InRange(local.TimeOfDay, TimeSpan.FromHours(9), TimeSpan.FromHours(18) - (m.ToEndsAt - m.ToStartsAt));
            Assert.Equal(0, local.Minute % 15);
        });
        // One forum, one speaker: nothing overlaps.
        var times = mine.Values.OrderBy(m => m.ToStartsAt).ToList();
        Assert.True(times[0].ToEndsAt <= times[1].ToStartsAt && times[1].ToEndsAt <= times[2].ToStartsAt);
        Assert.Null((await app.GetSessionAsync(big.Id)).RoomId);

        var accepted = await (await manager.PostAsJsonAsync("/api/v1/programme/schedule/acceptance", Accept(proposal), Intents.Json))
            .OkAsync<ScheduleAccepted>();

        Assert.Equal(proposal.Moves.Count, accepted.Placed);
        var placed = await app.GetSessionAsync(big.Id);
        Assert.Equal((hall.Id, opening.ToStartsAt, opening.ToEndsAt), (placed.RoomId, placed.StartsAt, placed.EndsAt));
        Assert.Empty(placed.Conflicts);
        using var venueManager = await app.ClientForAsync(Roles.VenueManager);
        var booking = await (await venueManager.GetAsync($"/api/v1/venues/bookings/{placed.BookingId}")).OkAsync<BookingView>();
        Assert.Equal((BookingState.Confirmed, BookingHolderKind.Session, big.Id, hall.Id), (booking.State, booking.HolderKind, booking.HolderId, booking.RoomId));
        var audited = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().AuditEntries.AsNoTracking()
            .CountAsync(a => a.EntityId == big.Id.ToString() && a.Action == ProgrammeAudit.SessionPlaced));
        Assert.Equal(1, audited);

        var again = await (await manager.PostAsJsonAsync("/api/v1/programme/schedule/proposal", new ScheduleRequest(MovePlaced: true), Intents.Json))
            .OkAsync<ScheduleProposalView>();
        Assert.Equal(ScheduleStatus.Optimal, again.Status);
        Assert.Empty(again.Moves);
        Assert.Equal(0, again.MovedFromPrevious);
        Assert.Equal(accepted.Fingerprint, again.Fingerprint);
    }

    [Fact]
    public async Task Accepting_a_proposal_after_the_draft_changed_is_refused_as_stale_and_nothing_is_placed()
    {
        var venue = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "ST-1", theatre: 200));
        var forum = await app.CreateForumAsync();
        var session = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "Dialogue: platform rules", attendance: 100));
        var other = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "Dialogue: the other one", attendance: 100));
        using var manager = await app.ClientForAsync(Roles.ProgrammeManager);
        var proposal = await (await manager.PostAsJsonAsync("/api/v1/programme/schedule/proposal", new ScheduleRequest(), Intents.Json))
            .OkAsync<ScheduleProposalView>();
        Assert.Contains(proposal.Moves, m => m.SessionId == session.Id);

        await (await app.PlaceAsync(other.Id, room.Id, VenuesIntents.DayOneNine.AddDays(2), 60)).OkAsync<SessionView>();
        var refused = await manager.PostAsJsonAsync("/api/v1/programme/schedule/acceptance", Accept(proposal), Intents.Json);

        await refused.AssertProblemAsync(409, ProgrammeErrors.ScheduleStale);
        Assert.Null((await app.GetSessionAsync(session.Id)).RoomId);
    }

    [Fact]
    public async Task Hostile_requests_are_refused_with_stable_codes_and_only_programme_managers_may_schedule()
    {
        using var manager = await app.ClientForAsync(Roles.ProgrammeManager);
        foreach (var (request, code) in new (ScheduleRequest, string)[]
        {
            (new ScheduleRequest(GridMinutes: 7), ProgrammeErrors.ValueUnknown),
            (new ScheduleRequest(TimeLimitSeconds: 0), ErrorCodes.NumberOutOfRange),
            (new ScheduleRequest(TimeLimitSeconds: 3600), ErrorCodes.NumberOutOfRange),
            (new ScheduleRequest(DefaultMinutes: 100_000), ErrorCodes.NumberOutOfRange),
            (new ScheduleRequest(Baseline: "released-9"), ProgrammeErrors.ValueUnknown),
            (new ScheduleRequest(MovePlaced: true, Pinned: [Guid.NewGuid()]), ProgrammeErrors.SessionUnknown),
        })
        {
            var response = await manager.PostAsJsonAsync("/api/v1/programme/schedule/proposal", request, Intents.Json);
            Assert.Equal(422, (int)response.StatusCode);
            Assert.Contains(code, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var empty = await manager.PostAsJsonAsync("/api/v1/programme/schedule/acceptance", new AcceptScheduleInput("x", []), Intents.Json);
        Assert.Contains(ProgrammeErrors.ScheduleEmpty, await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var id = Guid.NewGuid();
        var twice = new SessionPlacement(id, Guid.NewGuid(), VenuesIntents.DayOneNine, VenuesIntents.DayOneNine.AddHours(1));
        var duplicate = await manager.PostAsJsonAsync("/api/v1/programme/schedule/acceptance", new AcceptScheduleInput("x", [twice, twice]), Intents.Json);
        Assert.Contains(ProgrammeErrors.ScheduleDuplicate, await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var unknown = await manager.PostAsJsonAsync("/api/v1/programme/schedule/acceptance", new AcceptScheduleInput("x", [twice]), Intents.Json);
        await unknown.AssertProblemAsync(409, ProgrammeErrors.ScheduleStale);

        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        Assert.Equal(403, (int)(await secretariat.PostAsJsonAsync("/api/v1/programme/schedule/proposal", new ScheduleRequest(), Intents.Json)).StatusCode);
        Assert.Equal(403, (int)(await secretariat.PostAsJsonAsync("/api/v1/programme/schedule/acceptance", new AcceptScheduleInput("x", [twice]), Intents.Json))
            .StatusCode);
    }

    /// <summary>Who may open it is the permission matrix's ProgrammeManage, checked for every role by the authorization tests.</summary>
    [Fact]
    public async Task The_scheduling_page_offers_the_solver_in_both_languages()
    {
        var page = await app.PageAsync(Roles.ProgrammeManager, "/programme/scheduling");
        Assert.Contains("data-testid=\"schedule-propose\"", page, StringComparison.Ordinal);
        Assert.Contains("Automatic scheduling", page, StringComparison.Ordinal);

        var chinese = await app.PageAsync(Roles.ProgrammeManager, "/programme/scheduling", "zh-Hans");
        Assert.Contains("自动排程", chinese, StringComparison.Ordinal);
    }

    private static AcceptScheduleInput Accept(ScheduleProposalView proposal) =>
        new(proposal.Fingerprint, [.. proposal.Moves.Select(m => new SessionPlacement(m.SessionId, m.ToRoomId, m.ToStartsAt, m.ToEndsAt))]);
}
