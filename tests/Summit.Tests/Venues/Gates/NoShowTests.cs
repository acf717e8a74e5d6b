using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Summit.Access.Core;
using Summit.Access.Core.Sync;
using Summit.Server;
using Summit.Server.Access.Contracts;
using Summit.Server.Access.Zones;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Venues;
using Summit.Server.Venues.Bookings;
using Summit.Server.Venues.NoShows;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Venues.Gates;

/// <summary>The no-show release, on the fake clock: a booking of a room nobody entered within its minutes is released, audited and its maker told.</summary>
public sealed class NoShowTests(NoShowTests.Factory app) : IClassFixture<NoShowTests.Factory>
{
    [Fact]
    public async Task A_booking_nobody_entered_the_rooms_zone_for_is_released_and_one_with_an_entry_since_its_set_up_is_kept()
    {
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        using var manager = await app.ClientForAsync(Roles.VenueManager);
        var zone = await (await secretariat.PostAsJsonAsync("/api/v1/access/zones", new ZoneInput("NOSHOW", "Sub-forum room", "分论坛室"), Intents.Json))
            .OkAsync<ZoneView>();
        var gate = await AccessIntents.CreateGateAsync(secretariat, "NS1", zone.Id, GateDirections.Both);
        await AccessIntents.SetCategoryZonesAsync(secretariat, app.Categories["Delegate"].Id, zone.Id);
        var device = await app.EnrolDeviceAsync(gate.Id);
        var code = await app.CodeOfAsync(await app.ApprovedGuestAsync());
        var venue = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "SF-NS", setup: 15, zoneId: zone.Id) with { NoShowMinutes = 15 });
        Assert.Equal(15, room.NoShowMinutes);
        var plain = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "SF-PL", zoneId: zone.Id));
        await (await manager.PutAsJsonAsync($"/api/v1/venues/rooms/{room.Id}",
            VenuesIntents.NewRoom(venue.Id, "SF-NS", setup: 15, zoneId: zone.Id) with { NoShowMinutes = 0 }, Intents.Json))
            .AssertProblemAsync(422, ErrorCodes.RequestInvalid);

        var nine = VenuesIntents.DayOneNine;
        var holder = await app.CreateGuestAsync();
        var morning = await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(room.Id, nine, 60, "Morning session") with
        {
            HolderKind = BookingHolderKind.Person,
            HolderId = holder.Id,
            HolderName = null,
        })).OkAsync<BookingView>();
        var noon = await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(room.Id, nine.AddHours(2), 60, "Noon session"))).OkAsync<BookingView>();
        var afternoon = await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(room.Id, nine.AddHours(4), 60, "Afternoon session"))).OkAsync<BookingView>();
        var elsewhere = await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(plain.Id, nine, 60, "Room without release"))).OkAsync<BookingView>();
        var monitor = app.Services.GetRequiredService<NoShowMonitor>();
        Assert.Contains(app.Services.GetServices<IHostedService>(), s => ReferenceEquals(s, monitor));

        // 14 minutes in, not yet due; 16 minutes in, nobody came: released.
        app.Clock.SetUtcNow(nine.AddMinutes(14).ToUniversalTime());
        Assert.Equal(0, await monitor.RunOnceAsync());
        app.Clock.SetUtcNow(nine.AddMinutes(16).ToUniversalTime());
        Assert.Equal(1, await monitor.RunOnceAsync());
        var released = await StateAsync(morning.Id);
        Assert.Equal(BookingState.Cancelled, released.State);
        Assert.Contains("released: no entry within 15 minutes", released.Reason, StringComparison.Ordinal);
        Assert.Equal("system:no-show", released.DecidedBy);
        Assert.Equal(BookingState.Confirmed, (await StateAsync(elsewhere.Id)).State);
        Assert.Equal(0, await monitor.RunOnceAsync());

        // Someone entered during the noon session's set-up (10:45 on): kept.
        app.Clock.SetUtcNow(nine.AddMinutes(110).ToUniversalTime());
        Assert.True((await app.ScanAsync(device, code, GateDirection.Entry)).Admitted);
        app.Clock.SetUtcNow(nine.AddMinutes(111).ToUniversalTime());
        Assert.True((await app.ScanAsync(device, code, GateDirection.Exit)).Admitted);
        app.Clock.SetUtcNow(nine.AddMinutes(136).ToUniversalTime());
        Assert.Equal(0, await monitor.RunOnceAsync());
        Assert.Equal(BookingState.Confirmed, (await StateAsync(noon.Id)).State);

        // An entry before the afternoon session's set-up does not count for it; a refused entry never does.
        app.Clock.SetUtcNow(nine.AddMinutes(220).ToUniversalTime());
        Assert.True((await app.ScanAsync(device, code, GateDirection.Entry)).Admitted);
        app.Clock.SetUtcNow(nine.AddMinutes(221).ToUniversalTime());
        Assert.True((await app.ScanAsync(device, code, GateDirection.Exit)).Admitted);
        app.Clock.SetUtcNow(nine.AddMinutes(256).ToUniversalTime());
        Assert.Equal(1, await monitor.RunOnceAsync());
        Assert.Equal(BookingState.Cancelled, (await StateAsync(afternoon.Id)).State);

        // Audited, and the venue manager who booked them told by mail in their language.
        var audited = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.Action == VenuesAudit.BookingReleased).Select(a => a.EntityId).ToListAsync());
        Assert.Equal(new[] { morning.Id.ToString(), afternoon.Id.ToString() }.Order(StringComparer.Ordinal), audited.Order(StringComparer.Ordinal));
        var mails = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().OutgoingMails.AsNoTracking()
            .Where(m => m.Kind == BookingNotices.MailKind).ToListAsync());
        Assert.Equal(2, mails.Count);
        Assert.All(mails, m => Assert.Equal(SummitFactory.EmailOf(Roles.VenueManager), m.ToAddress));
        Assert.Contains(mails, m => m.Subject == "Room booking released: Morning session" && m.TextBody.Contains("within 15 minutes", StringComparison.Ordinal));

        // The morning session's holder, a guest, told too, in the guest's language (zh-Hans); the afternoon's is named only by text.
        var toHolder = Assert.Single(await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().OutgoingMails.AsNoTracking()
            .Where(m => m.Kind == BookingNotices.HolderMailKind).ToListAsync()));
        Assert.Equal((holder.Email, holder.Id), (toHolder.ToAddress, toHolder.GuestId));
        Assert.Equal("会议室预订已释放：Morning session", toHolder.Subject);
        Assert.Contains("开始后 15 分钟内无人进入", toHolder.TextBody, StringComparison.Ordinal);
    }

    /// <summary>A booking as the venue manager reads it, signed in afresh (the clock moves days on).</summary>
    private async Task<BookingView> StateAsync(Guid id)
    {
        using var manager = await app.ClientForAsync(Roles.VenueManager);
        return await (await manager.GetAsync($"/api/v1/venues/bookings/{id}")).OkAsync<BookingView>();
    }

    /// <summary>A server whose job does not run on its own: the test runs its rounds.</summary>
    public sealed class Factory : SummitFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Summit:Venues:ReleaseNoShowsInBackground"] = "false",
        };
    }
}
