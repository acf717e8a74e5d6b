using Microsoft.EntityFrameworkCore;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Venues.Bookings;

/// <summary>What a confirmation does to the other pending requests: shown before (the preview), applied with it (the rejections).</summary>
public sealed partial class BookingService
{
    /// <summary>
    /// What confirming the pending booking would do, without doing it: its own conflicts (empty: it can be confirmed) and the pending
    /// requests it would reject (<see cref="ConfirmationPreview"/>, none when it cannot be confirmed), each with the conflicts the
    /// confirmation would give it.
    /// </summary>
    public async Task<ConfirmationPreviewView> PreviewConfirmationAsync(Guid id, CancellationToken ct = default)
    {
        var catalog = await CatalogAsync(ct);
        var booking = await FindAsync(catalog.EventId, id, ct);
        if (booking.State != BookingState.Pending)
        {
            throw new SummitException(SummitError.Conflict(VenuesErrors.BookingNotPending, booking.State));
        }

        var room = catalog.FindRoom(booking.RoomId) ?? throw new SummitException(SummitError.NotFound(VenuesErrors.BookingNotFound, id));
        var (pending, facts) = await DisplacementFactsAsync(catalog, booking, ct);
        var codes = facts.Rooms.ToDictionary(r => r.Id, r => r.Code);
        var conflicts = facts.Check(booking, room);
        // A request that cannot be confirmed rejects nothing: its confirmation would be refused.
        IReadOnlyList<(Booking Pending, IReadOnlyList<BookingConflict> Conflicts)> displaced =
            conflicts.Count > 0 ? [] : ConfirmationPreview.WouldReject(booking, pending, facts);
        return new ConfirmationPreviewView(
            BookingView.From(booking, room.Code),
            [.. conflicts.Select(c => ToView(c, facts))],
            [.. displaced.Select(d => new DisplacedBookingView(
                BookingView.From(d.Pending, codes.GetValueOrDefault(d.Pending.RoomId, "?")), [.. d.Conflicts.Select(c => ToView(c, facts))]))]);
    }

    /// <summary>
    /// Saves the confirmation of <paramref name="booking"/> and, in the same transaction, rejects the pending requests it displaces
    /// (<see cref="ConfirmationPreview"/>, judged before the confirmation is written), each with a reason naming it and audited like any
    /// rejection. A request is rejected only if it is still pending when the confirmation is saved: one confirmed meanwhile by another
    /// venue manager keeps its state (and, holding the same room, makes the database refuse this confirmation, docs/adr/0027).
    /// </summary>
    private async Task SaveConfirmedRejectingDisplacedAsync(VenueCatalog catalog, Booking booking, Room room, CancellationToken ct)
    {
        var (pending, facts) = await DisplacementFactsAsync(catalog, booking, ct);
        var displaced = ConfirmationPreview.WouldReject(booking, pending, facts);
        string Local(DateTimeOffset at) => EventTime.Unlabelled(at, facts.Zone);
        var text = localizer["venues.preview.rejected_reason", booking.Title, room.Code, Local(booking.StartsAt), Local(booking.EndsAt)];
        var reason = text.Length > VenueLimits.ReasonLength ? text[..VenueLimits.ReasonLength] : text;
        var decidedBy = (await actor.GetAsync()).Name;
        var codes = facts.Rooms.ToDictionary(r => r.Id, r => r.Code);
        try
        {
            // Within the caller's transaction when a Protocol confirmation displaces bookings first; else in one of its own.
            await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            // An overlap refused by the database is answered here as a conflict (the transaction is then rolled back unsaved).
            await SaveConfirmedAsync(catalog, booking, room, ct);
            var decidedAt = clock.GetUtcNow();
            foreach (var (other, _) in displaced)
            {
                var id = other.Id;
                var rejected = await db.Set<Booking>().Where(b => b.Id == id && b.State == BookingState.Pending).ExecuteUpdateAsync(set => set
                    .SetProperty(b => b.State, BookingState.Rejected)
                    .SetProperty(b => b.Reason, reason)
                    .SetProperty(b => b.DecidedAt, decidedAt)
                    .SetProperty(b => b.DecidedBy, decidedBy), ct);
                if (rejected == 1)
                {
                    await audit.RecordAsync(VenuesAudit.BookingRejected, "booking", id.ToString(), new Dictionary<string, (object?, object?)>
                    {
                        ["state"] = (BookingState.Pending, BookingState.Rejected),
                        ["reason"] = (null, reason),
                        ["confirmedBooking"] = (null, booking.Id),
                    });
                    await notices.RejectedAsync(other, codes.GetValueOrDefault(other.RoomId, "?"), reason, ct);
                }
            }

            await db.SaveChangesAsync(ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }
        }
        catch (Exception ex) when (OverlapGuarantee.IsStoppedForAConcurrentWrite(ex))
        {
            // Two confirmations each rejecting the other's request: the database let one through and stopped this one, rolled back whole.
            await RefuseLostRaceAsync(catalog, booking, room, null, stopped: true, ct);
            throw;
        }
    }

    /// <summary>
    /// The other pending requests whose period touches the booking's (any room: equipment is shared), and the facts for the whole
    /// period they cover.
    /// </summary>
    private async Task<(List<Booking> Pending, BookingFacts Facts)> DisplacementFactsAsync(VenueCatalog catalog, Booking booking, CancellationToken ct)
    {
        var eventId = catalog.EventId;
        var (from, until) = (booking.BlockedFrom.ToUniversalTime(), booking.BlockedUntil.ToUniversalTime());
        var pending = await db.Set<Booking>().AsNoTracking().Include(b => b.Equipment)
            .Where(b => b.EventId == eventId && b.State == BookingState.Pending && b.Id != booking.Id && b.BlockedFrom < until && b.BlockedUntil > from)
            .ToListAsync(ct);
        // The facts are read around one booking's time: a booking spanning every pending request's period stands for them all.
        var span = new Booking { EventId = eventId };
        span.SetTimes(pending.Select(p => p.BlockedFrom).Append(from).Min(), pending.Select(p => p.BlockedUntil).Append(until).Max(), 0, 0);
        return (pending, await FactsAsync(catalog, span, ct));
    }
}
