using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Venues;
using Summit.Server.Venues.Bookings;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Venues.Bookings;

/// <summary>A Protocol booking displaces the Normal confirmed bookings of its room only when asked to, in one transaction, audited, their makers told.</summary>
public sealed class ProtocolPriorityTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task A_protocol_booking_is_refused_with_the_offer_to_displace_and_displaces_normal_bookings_only_when_asked()
    {
        var venue = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "MFH", boardroom: 200));
        using var manager = await app.ClientForAsync(Roles.VenueManager);
        var nine = VenuesIntents.DayOneNine;
        var mine = await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(room.Id, nine, 60, "Press briefing"))).OkAsync<BookingView>();
        var request = await app.RequestOkAsync(VenuesIntents.NewBooking(room.Id, nine.AddHours(1), 60, "Bilateral: China and Kazakhstan"));
        await (await manager.PostAsync($"/api/v1/venues/bookings/{request.Id}/confirm", null)).OkAsync<BookingView>();
        var untouched = await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(room.Id, nine.AddHours(3), 60, "Afternoon"))).OkAsync<BookingView>();

        var protocol = VenuesIntents.NewBooking(room.Id, nine.AddMinutes(30), 60, "Opening ceremony rehearsal", attendance: 150) with
        {
            Priority = BookingPriority.Protocol,
        };

        // Without displace, refused like any overlap; the refusal names the bookings it would displace.
        var refusal = await (await app.BookConfirmedAsync(protocol)).RefusalAsync();
        Assert.Equal([mine.Id, request.Id], refusal.Conflicts.Select(c => c.WithId));
        Assert.Equal([mine.Id, request.Id], refusal.Displaceable!.Select(c => c.WithId));

        // Only a Protocol booking may displace.
        await (await app.BookConfirmedAsync(protocol with { Priority = BookingPriority.Normal, Displace = true })).AssertProblemAsync(422, ErrorCodes.RequestInvalid);

        var booked = await (await app.BookConfirmedAsync(protocol with { Displace = true })).OkAsync<BookingView>();
        Assert.Equal((BookingState.Confirmed, BookingPriority.Protocol), (booked.State, booked.Priority));

        var listed = await (await manager.GetAsync($"/api/v1/venues/bookings?roomId={room.Id}&from=2021-09-26T00:00:00Z&until=2021-09-27T00:00:00Z"))
            .OkAsync<List<BookingView>>();
        foreach (var displaced in listed.Where(b => b.Id == mine.Id || b.Id == request.Id))
        {
            Assert.Equal(BookingState.Cancelled, displaced.State);
            Assert.Contains("displaced by Opening ceremony rehearsal", displaced.Reason, StringComparison.Ordinal);
            Assert.Contains("被「Opening ceremony rehearsal」挤占", displaced.Reason, StringComparison.Ordinal);
        }

        Assert.Equal(BookingState.Confirmed, listed.Single(b => b.Id == untouched.Id).State);

        // Audited, and each maker told by mail: the venue manager made the first, the secretariat requested the second.
        var actions = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.Action == VenuesAudit.BookingDisplaced && (a.EntityId == mine.Id.ToString() || a.EntityId == request.Id.ToString())).CountAsync());
        Assert.Equal(2, actions);
        var mails = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().OutgoingMails.AsNoTracking()
            .Where(m => m.Kind == BookingNotices.MailKind && m.TextBody.Contains("Opening ceremony rehearsal")).ToListAsync());
        Assert.Equal(
            [SummitFactory.EmailOf(Roles.Secretariat), SummitFactory.EmailOf(Roles.VenueManager)],
            mails.Select(m => m.ToAddress).Order(StringComparer.Ordinal));
        Assert.All(mails, m => Assert.Contains("MFH", m.TextBody, StringComparison.Ordinal));

        // A Protocol booking is never displaced: another one over it is refused, with nothing to displace.
        var rival = protocol with { Title = "Heads of delegation", Displace = true };
        var second = await (await app.BookConfirmedAsync(rival)).RefusalAsync();
        Assert.Equal(booked.Id, Assert.Single(second.Conflicts).WithId);
        Assert.Null(second.Displaceable);
    }

    [Fact]
    public async Task A_pending_protocol_request_displaces_when_confirmed_with_displace()
    {
        var venue = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "SF-P"));
        using var manager = await app.ClientForAsync(Roles.VenueManager);
        var normal = await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(room.Id, VenuesIntents.DayOneNine, 60))).OkAsync<BookingView>();
        var request = await app.RequestOkAsync(VenuesIntents.NewBooking(room.Id, VenuesIntents.DayOneNine.AddHours(2), 60, "Heads of delegation") with
        {
            Priority = BookingPriority.Protocol,
        });

        // Confirmed at a time the room is free, nothing is displaced; the protocol booking keeps its priority.
        var confirmed = await (await manager.PostAsync($"/api/v1/venues/bookings/{request.Id}/confirm?displace=true", null)).OkAsync<BookingView>();
        Assert.Equal((BookingState.Confirmed, BookingPriority.Protocol), (confirmed.State, confirmed.Priority));
        Assert.Equal(BookingState.Confirmed, (await (await manager.GetAsync($"/api/v1/venues/bookings/{normal.Id}")).OkAsync<BookingView>()).State);

        // A Protocol request over a Normal booking is refused like any overlap, unless it says displace: then it is lodged, pending.
        var minister = VenuesIntents.NewBooking(room.Id, VenuesIntents.DayOneNine.AddMinutes(30), 30, "Minister's briefing") with
        {
            Priority = BookingPriority.Protocol,
        };
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var lodged = await (await secretariat.PostAsJsonAsync("/api/v1/venues/bookings", minister, Intents.Json)).RefusalAsync();
        Assert.Equal([normal.Id], lodged.Displaceable!.Select(c => c.WithId));
        var overlapping = await app.RequestOkAsync(minister with { Displace = true });
        Assert.Equal(BookingState.Confirmed, (await (await manager.GetAsync($"/api/v1/venues/bookings/{normal.Id}")).OkAsync<BookingView>()).State);

        // Confirmed without displace, refused with the offer; with it, the Normal booking is displaced.
        var refusal = await (await manager.PostAsync($"/api/v1/venues/bookings/{overlapping.Id}/confirm", null)).RefusalAsync();
        Assert.Equal([normal.Id], refusal.Displaceable!.Select(c => c.WithId));
        await (await manager.PostAsync($"/api/v1/venues/bookings/{overlapping.Id}/confirm?displace=true", null)).OkAsync<BookingView>();
        var displaced = await (await manager.GetAsync($"/api/v1/venues/bookings/{normal.Id}")).OkAsync<BookingView>();
        Assert.Equal(BookingState.Cancelled, displaced.State);
    }

    [Fact]
    public async Task A_displacement_agreed_for_some_bookings_never_displaces_one_confirmed_meanwhile()
    {
        var venue = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "MFH-2", boardroom: 200));
        var nine = VenuesIntents.DayOneNine;
        var seen = await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(room.Id, nine, 60, "Seen briefing"))).OkAsync<BookingView>();
        var protocol = VenuesIntents.NewBooking(room.Id, nine, 180, "Head of state visit", attendance: 100) with { Priority = BookingPriority.Protocol };
        var refusal = await (await app.BookConfirmedAsync(protocol)).RefusalAsync();
        Assert.Equal([seen.Id], refusal.Displaceable!.Select(c => c.WithId));

        // Another booking is confirmed in its way before the venue manager confirms the displacement they were shown: refused again, naming both.
        var meanwhile = await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(room.Id, nine.AddHours(2), 30, "Booked meanwhile"))).OkAsync<BookingView>();
        var again = await (await app.BookConfirmedAsync(protocol with { Displace = true, Displacing = [seen.Id] })).RefusalAsync();
        Assert.Equal([seen.Id, meanwhile.Id], again.Displaceable!.Select(c => c.WithId));
        using var manager = await app.ClientForAsync(Roles.VenueManager);
        var listed = await (await manager.GetAsync($"/api/v1/venues/bookings?roomId={room.Id}&from=2021-09-26T00:00:00Z&until=2021-09-27T00:00:00Z"))
            .OkAsync<List<BookingView>>();
        Assert.All(listed, b => Assert.Equal(BookingState.Confirmed, b.State));

        // A list too long is refused as a field; agreeing to both displaces both.
        await (await app.BookConfirmedAsync(protocol with
        {
            Displace = true,
            Displacing = [.. Enumerable.Range(0, VenueLimits.MaxDisplacing + 1).Select(_ => Guid.NewGuid())],
        })).AssertProblemAsync(422, ErrorCodes.RequestInvalid);
        var booked = await (await app.BookConfirmedAsync(protocol with { Displace = true, Displacing = [seen.Id, meanwhile.Id] })).OkAsync<BookingView>();
        Assert.Equal(BookingState.Confirmed, booked.State);
        listed = await (await manager.GetAsync($"/api/v1/venues/bookings?roomId={room.Id}&from=2021-09-26T00:00:00Z&until=2021-09-27T00:00:00Z"))
            .OkAsync<List<BookingView>>();
        Assert.Equal(BookingState.Cancelled, listed.Single(b => b.Id == seen.Id).State);
        Assert.Equal(BookingState.Cancelled, listed.Single(b => b.Id == meanwhile.Id).State);
    }

    [Fact]
    public async Task A_pending_protocol_request_confirmed_with_the_displacement_agreed_never_displaces_a_booking_confirmed_meanwhile()
    {
        var venue = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "MFH-3", boardroom: 200));
        var nine = VenuesIntents.DayOneNine;
        var seen = await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(room.Id, nine, 60, "Seen rehearsal"))).OkAsync<BookingView>();
        var request = await app.RequestOkAsync(VenuesIntents.NewBooking(room.Id, nine, 180, "State visit", attendance: 100) with
        {
            Priority = BookingPriority.Protocol,
            Displace = true,
        });
        using var manager = await app.ClientForAsync(Roles.VenueManager);
        var shown = await (await manager.PostAsync($"/api/v1/venues/bookings/{request.Id}/confirm", null)).RefusalAsync();
        Assert.Equal([seen.Id], shown.Displaceable!.Select(c => c.WithId));

        // Confirmed in its way after the page showed the list: refused again, naming both; nothing displaced.
        var meanwhile = await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(room.Id, nine.AddHours(2), 30, "Confirmed meanwhile"))).OkAsync<BookingView>();
        var again = await (await manager.PostAsync($"/api/v1/venues/bookings/{request.Id}/confirm?displace=true&displacing={seen.Id}", null)).RefusalAsync();
        Assert.Equal([seen.Id, meanwhile.Id], again.Displaceable!.Select(c => c.WithId));
        Assert.Equal(BookingState.Confirmed, (await (await manager.GetAsync($"/api/v1/venues/bookings/{seen.Id}")).OkAsync<BookingView>()).State);
        Assert.Equal(BookingState.Pending, (await (await manager.GetAsync($"/api/v1/venues/bookings/{request.Id}")).OkAsync<BookingView>()).State);

        // Too many ids: a field problem, not a confirmation.
        var many = string.Join("&", Enumerable.Range(0, VenueLimits.MaxDisplacing + 1).Select(_ => "displacing=" + Guid.NewGuid().ToString("N")));
        await (await manager.PostAsync($"/api/v1/venues/bookings/{request.Id}/confirm?displace=true&{many}", null))
            .AssertProblemAsync(422, ErrorCodes.RequestInvalid);

        // Both agreed to: confirmed, both displaced.
        var confirmed = await (await manager.PostAsync(
            $"/api/v1/venues/bookings/{request.Id}/confirm?displace=true&displacing={seen.Id}&displacing={meanwhile.Id}", null)).OkAsync<BookingView>();
        Assert.Equal(BookingState.Confirmed, confirmed.State);
        Assert.Equal(BookingState.Cancelled, (await (await manager.GetAsync($"/api/v1/venues/bookings/{seen.Id}")).OkAsync<BookingView>()).State);
        Assert.Equal(BookingState.Cancelled, (await (await manager.GetAsync($"/api/v1/venues/bookings/{meanwhile.Id}")).OkAsync<BookingView>()).State);
    }
}
