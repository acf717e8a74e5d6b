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
/// A booking's holder is told, in the holder's language, when Summit displaces or rejects the booking: the guest it names, or its
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

    private static BookingInput ForGuest(BookingInput input, Guid guestId) =>
        input with { HolderKind = BookingHolderKind.Person, HolderId = guestId, HolderName = null };

    /// <summary>The mails of a kind about a booking: their subject ends with its title after a colon (":" in English, "：" in Chinese).</summary>
    private async Task<List<OutgoingMail>> MailsAsync(string kind, string title) =>
        [.. (await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().OutgoingMails.AsNoTracking().Where(m => m.Kind == kind).ToListAsync()))
            .Where(m => m.Subject.EndsWith(": " + title, StringComparison.Ordinal) || m.Subject.EndsWith("：" + title, StringComparison.Ordinal))];
}
