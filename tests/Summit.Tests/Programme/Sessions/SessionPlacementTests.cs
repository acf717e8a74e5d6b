using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Programme;
using Summit.Server.Programme.Rules;
using Summit.Server.Programme.Sessions;
using Summit.Server.Programme.Timetable;
using Summit.Server.Venues;
using Summit.Server.Venues.Blockings;
using Summit.Server.Venues.Bookings;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;
using Summit.Tests.Venues;

namespace Summit.Tests.Programme.Sessions;

/// <summary>
/// A session placed in a room holds it through the venues module in the same transaction: moving it moves its booking, taking it out
/// cancels it, a room the venue refuses refuses the placement with the venue's reasons, and an edit that brings in a conflict whose rule
/// refuses edits is refused with the conflicts listed, in the reader's language; nothing is half done.
/// </summary>
public sealed class SessionPlacementTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task Placing_books_the_room_moving_moves_the_same_booking_and_taking_out_cancels_it_all_audited()
    {
        var venue = await app.CreateVenueAsync();
        var hall = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "PL-1", theatre: 300, setup: 30, teardown: 15));
        var other = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "PL-2", theatre: 300));
        var forum = await app.CreateForumAsync();
        var session = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "Opening of the digital economy forum", attendance: 250));
        Assert.Null(session.RoomId);

        var placed = await (await app.PlaceAsync(session.Id, hall.Id, VenuesIntents.DayOneNine, 90)).OkAsync<SessionView>();

        Assert.Equal((hall.Id, "PL-1", VenuesIntents.DayOneNine, VenuesIntents.DayOneNine.AddMinutes(90)), (placed.RoomId, placed.RoomCode, placed.StartsAt, placed.EndsAt));
        using var manager = await app.ClientForAsync(Roles.VenueManager);
        var booking = await (await manager.GetAsync($"/api/v1/venues/bookings/{placed.BookingId}")).OkAsync<BookingView>();
        // A confirmed booking held for the session, with no buffers of its own: the programme's changeover rule decides the gaps.
        Assert.Equal((BookingState.Confirmed, BookingHolderKind.Session, session.Id, hall.Id, 0, 0, 250),
            (booking.State, booking.HolderKind, booking.HolderId, booking.RoomId, booking.SetupMinutes, booking.TeardownMinutes, booking.ExpectedAttendance));

        var moved = await (await app.PlaceAsync(session.Id, other.Id, VenuesIntents.DayOneNine.AddHours(2), 60)).OkAsync<SessionView>();

        Assert.Equal(placed.BookingId, moved.BookingId);
        var movedBooking = await (await manager.GetAsync($"/api/v1/venues/bookings/{placed.BookingId}")).OkAsync<BookingView>();
        Assert.Equal((other.Id, VenuesIntents.DayOneNine.AddHours(2), VenuesIntents.DayOneNine.AddHours(3)),
            (movedBooking.RoomId, movedBooking.StartsAt, movedBooking.EndsAt));
        // The hall is free again at 9:00: a venue booking takes it.
        await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(hall.Id, VenuesIntents.DayOneNine, 60, attendance: 30, layout: RoomLayout.Theatre)))
            .OkAsync<BookingView>();

        using var programme = await app.ClientForAsync(Roles.ProgrammeManager);
        var unplaced = await (await programme.DeleteAsync($"/api/v1/programme/sessions/{session.Id}/placement")).OkAsync<SessionView>();

        Assert.Equal((null, null, null), (unplaced.RoomId, unplaced.StartsAt, unplaced.BookingId));
        Assert.Equal(BookingState.Cancelled, (await (await manager.GetAsync($"/api/v1/venues/bookings/{placed.BookingId}")).OkAsync<BookingView>()).State);

        var actions = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityId == session.Id.ToString() || a.EntityId == placed.BookingId.ToString()).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(
            [ProgrammeAudit.SessionCreated, VenuesAudit.BookingCreatedConfirmed, ProgrammeAudit.SessionPlaced, RoomReservations.BookingMoved,
                ProgrammeAudit.SessionPlaced, VenuesAudit.BookingCancelled, ProgrammeAudit.SessionUnplaced],
            actions);
    }

    [Fact]
    public async Task A_room_the_venue_refuses_refuses_the_placement_with_the_venues_reasons_in_both_languages_and_nothing_changes()
    {
        var venue = await app.CreateVenueAsync();
        var hall = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "RF-1", theatre: 300));
        var forum = await app.CreateForumAsync();
        var session = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id));
        var start = VenuesIntents.DayOneNine.AddDays(1);
        using (var venueManager = await app.ClientForAsync(Roles.VenueManager))
        {
            await (await venueManager.PostAsJsonAsync("/api/v1/venues/blockings", new BlockingInput(hall.Id, start, start.AddHours(1), "Security sweep"),
                Intents.Json)).OkAsync<BlockingView>();
        }

        var english = await (await app.PlaceAsync(session.Id, hall.Id, start.AddMinutes(30), 60)).ProgrammeRefusalAsync(ProgrammeErrors.RoomRefused);
        var chinese = await app.PlaceAsync(session.Id, hall.Id, start.AddMinutes(30), 60, "zh-Hans");
        var title = (await chinese.ProblemAsync()).GetProperty("title").GetString();

        var conflict = Assert.Single(english.VenueConflicts);
        Assert.Equal(("Blocked", "Security sweep"), (conflict.Kind, conflict.WithTitle));
        Assert.Empty(english.Conflicts);
        Assert.StartsWith("场馆拒绝了场地 RF-1（1 项冲突）", title, StringComparison.Ordinal);
        var after = await app.GetSessionAsync(session.Id);
        Assert.Equal((null, null), (after.RoomId, after.BookingId));
        var bookings = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Set<Booking>().AsNoTracking().CountAsync(b => b.HolderId == session.Id));
        Assert.Equal(0, bookings);

        // Refused when moving too: the session and its booking stay where they were.
        var placed = await (await app.PlaceAsync(session.Id, hall.Id, start.AddHours(2), 60)).OkAsync<SessionView>();
        await (await app.PlaceAsync(session.Id, hall.Id, start, 60)).ProgrammeRefusalAsync(ProgrammeErrors.RoomRefused);
        var still = await app.GetSessionAsync(session.Id);
        Assert.Equal((placed.StartsAt, placed.BookingId), (still.StartsAt, still.BookingId));
        using var manager = await app.ClientForAsync(Roles.VenueManager);
        Assert.Equal(start.AddHours(2), (await (await manager.GetAsync($"/api/v1/venues/bookings/{placed.BookingId}")).OkAsync<BookingView>()).StartsAt);
    }

    [Fact]
    public async Task A_speaker_put_in_two_places_at_once_is_refused_with_the_conflict_listed_and_the_session_stays()
    {
        var venue = await app.CreateVenueAsync();
        var roomA = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "SP-A", theatre: 300));
        var roomB = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "SP-B", theatre: 300));
        var forum = await app.CreateForumAsync();
        var speaker = await app.CreateRemoteSpeakerAsync("Amina Diallo");
        var keynote = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "Keynote: open data"));
        var panel = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "Panel: open data in cities"));
        var start = VenuesIntents.DayOneNine.AddDays(2);
        await (await app.PlaceAsync(keynote.Id, roomA.Id, start, 60)).OkAsync<SessionView>();
        await (await app.PlaceAsync(panel.Id, roomB.Id, start.AddHours(2), 60)).OkAsync<SessionView>();
        await (await app.SetPeopleAsync(keynote.Id, new ParticipantInput(speaker.Id, ParticipantRole.Speaker, 1))).OkAsync<SessionView>();
        await (await app.SetPeopleAsync(panel.Id, new ParticipantInput(speaker.Id, ParticipantRole.Panellist, 1))).OkAsync<SessionView>();

        var refusal = await (await app.PlaceAsync(panel.Id, roomB.Id, start.AddMinutes(30), 60)).ProgrammeRefusalAsync(ProgrammeErrors.EditBlocked);

        var conflict = Assert.Single(refusal.Conflicts);
        Assert.Equal((ConflictRule.SpeakerDoubleBooked, RuleSeverity.BlockEdit, speaker.Id), (conflict.Rule, conflict.Severity, conflict.PersonId));
        Assert.Equal("Amina Diallo is in \"Keynote: open data\" and in \"Panel: open data in cities\" at the same time.", conflict.Message);
        var chinese = await (await app.PlaceAsync(panel.Id, roomB.Id, start.AddMinutes(30), 60, "zh-Hans")).ProblemAsync();
        Assert.Equal("修改被拒绝：它会带来本活动不允许的 1 项冲突：Amina Diallo 同时出现在「Keynote: open data（中）」和「Panel: open data in cities（中）」中。",
            chinese.GetProperty("title").GetString());
        Assert.Equal(start.AddHours(2), (await app.GetSessionAsync(panel.Id)).StartsAt);

        // The same conflict refuses adding the speaker to a session at the same time as another.
        var third = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "Dialogue: data governance"));
        await (await app.PlaceAsync(third.Id, roomB.Id, start, 60)).OkAsync<SessionView>();
        await (await app.SetPeopleAsync(third.Id, new ParticipantInput(speaker.Id, ParticipantRole.Moderator, 1))).ProgrammeRefusalAsync(ProgrammeErrors.EditBlocked);
        Assert.Empty((await app.GetSessionAsync(third.Id)).Participants);
    }

    [Fact]
    public async Task Warnings_are_shown_on_the_session_and_the_days_timetable_without_refusing_the_edit()
    {
        var venue = await app.CreateVenueAsync();
        var small = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "WR-1", theatre: 80));
        var forum = await app.CreateForumAsync();
        var crowded = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "Panel: everyone wants in", attendance: 120, channels: []));
        var next = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "Panel: right after"));
        var start = VenuesIntents.DayOneNine.AddHours(8);

        await (await app.PlaceAsync(crowded.Id, small.Id, start, 60)).OkAsync<SessionView>();
        await (await app.PlaceAsync(next.Id, small.Id, start.AddMinutes(65), 60)).OkAsync<SessionView>();

        var session = await app.GetSessionAsync(crowded.Id);
        Assert.Equal(
            [(ConflictRule.CapacityBelowDemand, RuleSeverity.Warn), (ConflictRule.InterpretationMissing, RuleSeverity.BlockRelease), (ConflictRule.BufferTooShort, RuleSeverity.Warn)],
            session.Conflicts.Select(c => (c.Rule, c.Severity)).Order());
        Assert.Contains(session.Conflicts, c => c.Message == "\"Panel: everyone wants in\" expects 120 people; room WR-1 seats 80.");
        // The booking asked for what the room seats; the demand beyond it is the programme's warning.
        using var venueManager = await app.ClientForAsync(Roles.VenueManager);
        Assert.Equal(80, (await (await venueManager.GetAsync($"/api/v1/venues/bookings/{session.BookingId}")).OkAsync<BookingView>()).ExpectedAttendance);

        using var reader = await app.ClientForAsync(Roles.Secretariat);
        var day = await (await reader.GetAsync("/api/v1/programme/timetable?day=2021-09-26")).OkAsync<TimetableView>();
        Assert.Equal(RuleSeverity.BlockRelease, day.Slots.Single(s => s.SessionId == crowded.Id).Worst);
        Assert.Equal(RuleSeverity.Warn, day.Slots.Single(s => s.SessionId == next.Id).Worst);
        Assert.Contains(day.Rooms, r => r.Id == small.Id);
        Assert.Contains(day.Conflicts, c => c.Rule == ConflictRule.BufferTooShort && (c.SessionId == next.Id || c.OtherSessionId == next.Id));
        await (await reader.GetAsync("/api/v1/programme/timetable?day=2030-01-01")).AssertProblemAsync(422, ProgrammeErrors.DayOutsideEvent);
    }
}
