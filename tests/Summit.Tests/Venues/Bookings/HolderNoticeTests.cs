using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server.Guests.Delegations;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Mail;
using Summit.Server.Venues;
using Summit.Server.Venues.Bookings;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Venues.Bookings;

/// <summary>
/// A booking's holder is told, in the holder's language, when Summit displaces, rejects or moves the booking: the guest it names, or its
/// delegation's liaison, through the Guests module's mail; the maker is told too. (The no-show release: <c>NoShowTests</c>.)
/// </summary>
public sealed class HolderNoticeTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task A_rejected_request_tells_its_guest_holder_in_their_language_and_its_maker_with_the_reason()
    {
        var guest = await app.CreateGuestAsync(Intents.NewGuestInput());
        var venue = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "HN-1"));
        var start = VenuesIntents.DayOneNine.AddDays(1);
        var forGuest = ForGuest(VenuesIntents.NewBooking(room.Id, start, 60, "Interview with Wang"), guest.Id);

        // Rejected by hand: the maker reads the venue manager's reason, the guest (zh-Hans) is told without it.
        var rejectedByHand = await app.RequestOkAsync(forGuest);
        using var manager = await app.ClientForAsync(Roles.VenueManager);
        await (await manager.PostAsJsonAsync($"/api/v1/venues/bookings/{rejectedByHand.Id}/reject", new BookingDecisionInput("Room kept for the press"),
            Intents.Json)).OkAsync<BookingView>();
        var toGuest = Assert.Single(await MailsAsync(BookingNotices.HolderMailKind, "Interview with Wang"));
        Assert.Equal((guest.Email, guest.Id), (toGuest.ToAddress, toGuest.GuestId));
        Assert.Equal("会议室申请未获接受：Interview with Wang", toGuest.Subject);
        Assert.Contains("为您申请的 HN-1 会议室", toGuest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("press", toGuest.TextBody, StringComparison.Ordinal);
        var toMaker = Assert.Single(await MailsAsync(BookingNotices.MailKind, "Interview with Wang"));
        Assert.Equal(SummitFactory.EmailOf(Roles.Secretariat), toMaker.ToAddress);
        Assert.Contains("Room kept for the press", toMaker.TextBody, StringComparison.Ordinal);

        // Rejected by the confirmation of a rival request for the same slot: told the same way, the rival's title kept from the guest.
        var rejectedByRival = await app.RequestOkAsync(forGuest with { Title = "Second interview with Wang" });
        var rival = await app.RequestOkAsync(VenuesIntents.NewBooking(room.Id, start, 60, "Confidential talks"));
        await (await manager.PostAsync($"/api/v1/venues/bookings/{rival.Id}/confirm", null)).OkAsync<BookingView>();
        var second = Assert.Single(await MailsAsync(BookingNotices.HolderMailKind, "Second interview with Wang"));
        Assert.Equal(guest.Email, second.ToAddress);
        Assert.DoesNotContain("Confidential", second.TextBody, StringComparison.Ordinal);
        Assert.Contains("Confidential talks", Assert.Single(await MailsAsync(BookingNotices.MailKind, "Second interview with Wang")).TextBody,
            StringComparison.Ordinal);
        Assert.Equal(BookingState.Rejected, (await (await manager.GetAsync($"/api/v1/venues/bookings/{rejectedByRival.Id}")).OkAsync<BookingView>()).State);
    }

    [Fact]
    public async Task A_displaced_booking_tells_its_delegations_liaison_in_english()
    {
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var name = "Delegation HN " + Guid.NewGuid().ToString("N")[..6];
        var delegation = await (await secretariat.PostAsJsonAsync("/api/v1/delegations", new DelegationInput(name, "KZ"), Intents.Json))
            .OkAsync<DelegationDto>();
        var english = Intents.NewGuestInput();
        english.Language = "en";
        english.Delegation = name;
        var liaison = await app.CreateGuestAsync(english);
        await (await secretariat.PutAsJsonAsync($"/api/v1/delegations/{delegation.Id}", new DelegationInput(name, "KZ", liaison.Id), Intents.Json))
            .OkAsync<DelegationDto>();
        var venue = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "HN-2"));
        var start = VenuesIntents.DayOneNine.AddDays(2);
        var normal = VenuesIntents.NewBooking(room.Id, start, 60, "Delegation briefing") with
        {
            HolderKind = BookingHolderKind.Delegation,
            HolderId = delegation.Id,
            HolderName = null,
        };
        await (await app.BookConfirmedAsync(normal)).OkAsync<BookingView>();
        // A booking for a holder named only by text has nobody to tell beyond its maker.
        await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(room.Id, start.AddHours(2), 60, "Briefing of a named delegation"))).OkAsync<BookingView>();

        var protocol = VenuesIntents.NewBooking(room.Id, start, 60, "Head of state visit") with { Priority = BookingPriority.Protocol, Displace = true };
        await (await app.BookConfirmedAsync(protocol)).OkAsync<BookingView>();
        await (await app.BookConfirmedAsync(protocol with { StartsAt = start.AddHours(2), EndsAt = start.AddHours(3) })).OkAsync<BookingView>();

        var toLiaison = Assert.Single(await MailsAsync(BookingNotices.HolderMailKind, "Delegation briefing"));
        Assert.Equal((liaison.Email, liaison.Id), (toLiaison.ToAddress, toLiaison.GuestId));
        Assert.Equal("Room booking cancelled: Delegation briefing", toLiaison.Subject);
        Assert.Contains("made for your delegation, was cancelled", toLiaison.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Head of state", toLiaison.TextBody, StringComparison.Ordinal);
        Assert.Empty(await MailsAsync(BookingNotices.HolderMailKind, "Briefing of a named delegation"));
        Assert.Single(await MailsAsync(BookingNotices.MailKind, "Briefing of a named delegation"));
    }

    [Fact]
    public async Task A_moved_booking_tells_its_guest_holder_and_its_maker_where_and_when_it_is_now_and_a_refused_move_tells_nobody()
    {
        var guest = await app.CreateGuestAsync(Intents.NewGuestInput());
        var venue = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "HN-3"));
        var other = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "HN-4"));
        var start = VenuesIntents.DayOneNine.AddDays(3);
        var request = await app.RequestOkAsync(ForGuest(VenuesIntents.NewBooking(room.Id, start, 60, "Talk with Li"), guest.Id));
        await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(other.Id, start.AddHours(4), 60, "In the way"))).OkAsync<BookingView>();
        using var manager = await app.ClientForAsync(Roles.VenueManager);

        await (await manager.PostAsJsonAsync($"/api/v1/venues/bookings/{request.Id}/move",
            new BookingMoveInput(other.Id, start.AddHours(4), start.AddHours(5)), Intents.Json)).RefusalAsync();
        Assert.Empty(await MailsAsync(BookingNotices.HolderMailKind, "Talk with Li"));
        Assert.Empty(await MailsAsync(BookingNotices.MailKind, "Talk with Li"));

        await (await manager.PostAsJsonAsync($"/api/v1/venues/bookings/{request.Id}/move",
            new BookingMoveInput(other.Id, start.AddHours(2), start.AddHours(3)), Intents.Json)).OkAsync<BookingView>();
        var toGuest = Assert.Single(await MailsAsync(BookingNotices.HolderMailKind, "Talk with Li"));
        Assert.Equal((guest.Email, "会议室预订已调整：Talk with Li"), (toGuest.ToAddress, toGuest.Subject));
        Assert.Contains("现为 HN-4 会议室，开始时间 2021-09-29 11:00", toGuest.TextBody, StringComparison.Ordinal);
        Assert.Contains("原为 HN-3 会议室，开始时间 2021-09-29 09:00", toGuest.TextBody, StringComparison.Ordinal);
        var toMaker = Assert.Single(await MailsAsync(BookingNotices.MailKind, "Talk with Li"));
        Assert.Equal(SummitFactory.EmailOf(Roles.Secretariat), toMaker.ToAddress);
        Assert.Contains("now in room HN-4 starting 2021-09-29 11:00 (event time), instead of room HN-3 starting 2021-09-29 09:00", toMaker.TextBody,
            StringComparison.Ordinal);

        // A venue manager moving their own booking is not mailed about it.
        var own = await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(room.Id, start.AddHours(6), 60, "Own booking"))).OkAsync<BookingView>();
        await (await manager.PostAsJsonAsync($"/api/v1/venues/bookings/{own.Id}/move",
            new BookingMoveInput(room.Id, start.AddHours(7), start.AddHours(8)), Intents.Json)).OkAsync<BookingView>();
        Assert.Empty(await MailsAsync(BookingNotices.MailKind, "Own booking"));
    }

    private static BookingInput ForGuest(BookingInput input, Guid guestId) =>
        input with { HolderKind = BookingHolderKind.Person, HolderId = guestId, HolderName = null };

    /// <summary>The mails of a kind about a booking: their subject ends with its title after a colon (":" in English, "：" in Chinese).</summary>
    private async Task<List<OutgoingMail>> MailsAsync(string kind, string title) =>
        [.. (await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().OutgoingMails.AsNoTracking().Where(m => m.Kind == kind).ToListAsync()))
            .Where(m => m.Subject.EndsWith(": " + title, StringComparison.Ordinal) || m.Subject.EndsWith("：" + title, StringComparison.Ordinal))];
}
