using Microsoft.EntityFrameworkCore;
using Summit.Server.Events.Contracts;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Venues.Rooms;

namespace Summit.Server.Venues.Bookings;

/// <summary>
/// Books rooms: a request (pending) or a booking made at once (confirmed), confirmed, cancelled or rejected, every change audited.
/// Conflicts are decided by <see cref="BookingRules"/>; a refusal names every conflict and offers the free rooms instead. The
/// database refuses a confirmed booking overlapping another even when two confirmations race (docs/adr/0027); that refusal is answered
/// as the same conflict. A Protocol booking confirmed with <c>displace</c> cancels the Normal bookings of its room in its way
/// (<see cref="BookingDisplacement"/>) in the same transaction, and their makers are told.
/// </summary>
public sealed partial class BookingService(SummitDbContext db, IEventCalendar events, AuditLog audit, CurrentActor actor, Localizer localizer, TimeProvider clock,
    BookingNotices notices)
{
    /// <summary>The bookings of the current event that occupy a room during [from, until), every state, of one room or all.</summary>
    public async Task<List<BookingView>> ListAsync(DateTimeOffset from, DateTimeOffset until, Guid? roomId = null, CancellationToken ct = default)
    {
        CheckWindow(from, until);
        // PostgreSQL stores UTC instants and takes parameters in UTC only.
        (from, until) = (from.ToUniversalTime(), until.ToUniversalTime());
        var summitEvent = await events.GetCurrentAsync(ct);
        var query = db.Set<Booking>().AsNoTracking().Include(b => b.Equipment)
            .Where(b => b.EventId == summitEvent.Id && b.BlockedFrom < until && b.BlockedUntil > from);
        if (roomId is { } id)
        {
            query = query.Where(b => b.RoomId == id);
        }

        var bookings = await query.ToListAsync(ct);
        var codes = await RoomCodesAsync(summitEvent.Id, ct);
        return [.. bookings.OrderBy(b => b.StartsAt).ThenBy(b => codes.GetValueOrDefault(b.RoomId, ""), StringComparer.Ordinal)
            .Select(b => BookingView.From(b, codes.GetValueOrDefault(b.RoomId, "?")))];
    }

    public async Task<BookingView> GetAsync(Guid id, CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var booking = await db.Set<Booking>().AsNoTracking().Include(b => b.Equipment).FirstOrDefaultAsync(b => b.Id == id && b.EventId == summitEvent.Id, ct)
            ?? throw new SummitException(SummitError.NotFound(VenuesErrors.BookingNotFound, id));
        return BookingView.From(booking, (await RoomCodesAsync(summitEvent.Id, ct)).GetValueOrDefault(booking.RoomId, "?"));
    }

    /// <summary>A request for a room: pending until a venue manager confirms or rejects it. Refused if it conflicts already.</summary>
    public Task<BookingView> RequestAsync(BookingInput input, CancellationToken ct = default) => CreateAsync(input, BookingState.Pending, ct);

    /// <summary>A booking confirmed at once (the venue manager's own).</summary>
    public Task<BookingView> BookAsync(BookingInput input, CancellationToken ct = default) => CreateAsync(input, BookingState.Confirmed, ct);

    /// <summary>Every conflict the booking would meet now, in the reader's language (empty: it may be booked); nothing is written.</summary>
    public async Task<List<ConflictView>> CheckAsync(BookingInput input, CancellationToken ct = default)
    {
        var (booking, room, facts) = await CheckFactsAsync(input, ct);
        return [.. facts.Check(booking, room).Select(c => ToView(c, facts))];
    }

    /// <summary>The rooms free for the booking instead of the one it names, ranked (same venue, building and floor first).</summary>
    public async Task<List<RoomAlternativeView>> AlternativesAsync(BookingInput input, CancellationToken ct = default)
    {
        var catalog = await CatalogAsync(ct);
        var (booking, room) = Validate(input, catalog);
        var facts = await FactsAsync(catalog, booking, ct);
        return Alternatives(input, booking, room, facts);
    }

    /// <summary>Confirms a pending request; a Protocol one with <paramref name="displace"/> displaces the Normal bookings in its way.</summary>
    public Task<BookingView> ConfirmAsync(Guid id, bool displace = false, CancellationToken ct = default) => ConfirmAsync(id, displace, null, ct);

    /// <summary>
    /// Confirms a pending request; a Protocol one with <paramref name="displace"/> displaces the Normal bookings in its way. With
    /// <paramref name="displacing"/> (the ids a page showed and the manager agreed to), a booking in its way that is not among them refuses
    /// the confirmation again, naming the new list, rather than being displaced unseen.
    /// </summary>
    public async Task<BookingView> ConfirmAsync(Guid id, bool displace, IReadOnlyList<Guid>? displacing, CancellationToken ct = default)
    {
        if (displacing is { Count: > VenueLimits.MaxDisplacing })
        {
            var checks = new FieldChecks(localizer);
            checks.Add("displacing", "venues.field.displace", VenuesErrors.DisplacingTooMany, VenueLimits.MaxDisplacing);
            checks.ThrowIfAny();
        }

        var catalog = await CatalogAsync(ct);
        var booking = await FindAsync(catalog.EventId, id, ct);
        if (booking.State != BookingState.Pending)
        {
            throw new SummitException(SummitError.Conflict(VenuesErrors.BookingNotPending, booking.State));
        }

        var room = catalog.FindRoom(booking.RoomId) ?? throw new SummitException(SummitError.NotFound(VenuesErrors.BookingNotFound, id));
        var facts = await FactsAsync(catalog, booking, ct);
        var plan = PlanOf(booking, room, facts);
        var displaces = displace && plan.CanDisplace && (displacing is null || plan.Displaceable.All(b => displacing.Contains(b.Id)));
        if (!displaces)
        {
            ThrowIfConflicts(plan.Conflicts, null, booking, room, facts, plan.Displaceable);
        }

        await using var transaction = displaces ? await db.Database.BeginTransactionAsync(ct) : null;
        if (displaces)
        {
            await DisplaceAsync(plan.Displaceable, booking, room, ct);
        }

        booking.State = BookingState.Confirmed;
        await DecideAsync(booking);
        await audit.RecordAsync(VenuesAudit.BookingConfirmed, "booking", booking.Id.ToString(), new Dictionary<string, (object?, object?)>
        {
            ["state"] = (BookingState.Pending, BookingState.Confirmed),
        });
        await SaveConfirmedRejectingDisplacedAsync(catalog, booking, room, ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        return BookingView.From(booking, room.Code);
    }

    /// <summary>
    /// Moves a pending or confirmed booking to another time or room (the venue manager), judged as a new booking of the same title, holder,
    /// attendance, layout, buffers and equipment would be, itself left out: refused with every conflict and the free rooms then, or moved in
    /// one step, audited (<see cref="VenuesAudit.BookingMoved"/>). A session's booking moves with its session, never on its own.
    /// </summary>
    public async Task<BookingView> MoveAsync(Guid id, BookingMoveInput input, CancellationToken ct = default)
    {
        var catalog = await CatalogAsync(ct);
        var booking = await FindAsync(catalog.EventId, id, ct);
        if (booking.State is not (BookingState.Pending or BookingState.Confirmed))
        {
            throw new SummitException(SummitError.Conflict(VenuesErrors.BookingClosed, booking.State));
        }

        if (booking.HolderKind == BookingHolderKind.Session)
        {
            throw new SummitException(SummitError.Conflict(VenuesErrors.BookingOfSession));
        }

        var asked = new BookingInput(input.RoomId, input.StartsAt, input.EndsAt, booking.Title, booking.HolderKind, booking.ExpectedAttendance,
            booking.Layout, booking.HolderId, booking.HolderName, booking.SetupMinutes, booking.TeardownMinutes,
            [.. booking.Equipment.Select(l => new EquipmentLine(l.EquipmentItemId, l.Quantity))], booking.Priority);
        var (candidate, room) = Validate(asked, catalog);
        candidate.Id = booking.Id;
        var facts = await FactsAsync(catalog, candidate, ct);
        ThrowIfConflicts(facts.Check(candidate, room), asked, candidate, room, facts);

        var codes = await RoomCodesAsync(catalog.EventId, ct);
        var (fromRoom, fromStartsAt) = (codes.GetValueOrDefault(booking.RoomId, "?"), booking.StartsAt);
        await audit.RecordAsync(VenuesAudit.BookingMoved, "booking", booking.Id.ToString(), new Dictionary<string, (object?, object?)>
        {
            ["room"] = (fromRoom, room.Code),
            ["startsAt"] = (booking.StartsAt, candidate.StartsAt),
            ["endsAt"] = (booking.EndsAt, candidate.EndsAt),
        });
        booking.RoomId = room.Id;
        booking.SetTimes(candidate.StartsAt, candidate.EndsAt, booking.SetupMinutes, booking.TeardownMinutes);
        // Joins the save: a move refused at the database tells nobody.
        await notices.MovedAsync(booking, room.Code, fromRoom, fromStartsAt, (await actor.GetAsync()).Id, ct);
        if (booking.State == BookingState.Confirmed)
        {
            // The database's no-overlap guarantee and the stock held in the transaction still have the last word.
            await SaveConfirmedAsync(catalog, booking, room, ct, asked);
        }
        else
        {
            await db.SaveChangesAsync(ct);
        }

        return BookingView.From(booking, room.Code);
    }

    /// <summary>Cancels a pending or confirmed booking: its room and equipment are free again.</summary>
    public async Task<BookingView> CancelAsync(Guid id, BookingDecisionInput input, CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var booking = await FindAsync(summitEvent.Id, id, ct);
        if (booking.State is not (BookingState.Pending or BookingState.Confirmed))
        {
            throw new SummitException(SummitError.Conflict(VenuesErrors.BookingClosed, booking.State));
        }

        return await CloseAsync(summitEvent.Id, booking, BookingState.Cancelled, VenuesAudit.BookingCancelled, input, ct);
    }

    /// <summary>Rejects a pending request.</summary>
    public async Task<BookingView> RejectAsync(Guid id, BookingDecisionInput input, CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var booking = await FindAsync(summitEvent.Id, id, ct);
        if (booking.State != BookingState.Pending)
        {
            throw new SummitException(SummitError.Conflict(VenuesErrors.BookingNotPending, booking.State));
        }

        return await CloseAsync(summitEvent.Id, booking, BookingState.Rejected, VenuesAudit.BookingRejected, input, ct);
    }

    private async Task<BookingView> CreateAsync(BookingInput input, BookingState state, CancellationToken ct)
    {
        var catalog = await CatalogAsync(ct);
        var (booking, room) = Validate(input, catalog);
        var facts = await FactsAsync(catalog, booking, ct);
        var plan = PlanOf(booking, room, facts);
        // A pending Protocol request with displace is lodged; it displaces only when confirmed with displace (ConfirmAsync).
        var displacing = input.Displace && plan.CanDisplace && (input.Displacing is null || plan.Displaceable.All(b => input.Displacing.Contains(b.Id)));
        if (!displacing)
        {
            ThrowIfConflicts(plan.Conflicts, input, booking, room, facts, plan.Displaceable);
        }

        booking.State = state;
        booking.CreatedAt = clock.GetUtcNow();
        var maker = await actor.GetAsync();
        (booking.CreatedBy, booking.CreatedByUserId) = (maker.Name, maker.Id);
        if (state == BookingState.Confirmed)
        {
            await DecideAsync(booking);
        }

        displacing &= state == BookingState.Confirmed;
        await using var transaction = displacing ? await db.Database.BeginTransactionAsync(ct) : null;
        if (displacing)
        {
            await DisplaceAsync(plan.Displaceable, booking, room, ct);
        }

        db.Set<Booking>().Add(booking);
        await audit.RecordAsync(state == BookingState.Confirmed ? VenuesAudit.BookingCreatedConfirmed : VenuesAudit.BookingRequested, "booking",
            booking.Id.ToString(), new Dictionary<string, (object?, object?)>
            {
                ["room"] = (null, room.Code),
                ["startsAt"] = (null, booking.StartsAt),
                ["endsAt"] = (null, booking.EndsAt),
                ["setupMinutes"] = (null, booking.SetupMinutes),
                ["teardownMinutes"] = (null, booking.TeardownMinutes),
                ["title"] = (null, booking.Title),
                ["holder"] = (null, $"{booking.HolderKind} {booking.HolderId} {booking.HolderName}".Trim()),
                ["attendance"] = (null, booking.ExpectedAttendance),
                ["layout"] = (null, booking.Layout),
                ["equipment"] = (null, string.Join(", ", booking.Equipment.Select(l => $"{l.Quantity} × {l.EquipmentItemId}"))),
                ["state"] = (null, state),
                ["priority"] = (null, booking.Priority),
            });
        if (state == BookingState.Confirmed)
        {
            await SaveConfirmedAsync(catalog, booking, room, ct, input);
        }
        else
        {
            await db.SaveChangesAsync(ct);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        return BookingView.From(booking, room.Code);
    }

    /// <summary>
    /// Saves a booking that is now confirmed. When another confirmation of the room's time was saved first (after this one's check), the
    /// database refuses it; the refusal is then explained like any conflict, naming the booking that won. A booking that takes equipment is
    /// saved in a transaction holding its items (<see cref="LockStockAsync"/>) and checked again there, so that two confirmations in different
    /// rooms cannot both take the last units (docs/adr/0027, second amendment).
    /// </summary>
    internal async Task SaveConfirmedAsync(VenueCatalog catalog, Booking booking, Room room, CancellationToken ct, BookingInput? input = null)
    {
        await using var transaction = booking.Equipment.Count > 0 && db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (booking.Equipment.Count > 0)
        {
            var held = await FactsAsync(await LockStockAsync(catalog, booking.Equipment.Select(l => l.EquipmentItemId), ct), booking, ct);
            ThrowIfConflicts(held.Check(booking, room), input, booking, room, held);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception ex) when (OverlapGuarantee.IsLostRace(ex))
        {
            await RefuseLostRaceAsync(catalog, booking, room, input, OverlapGuarantee.IsStoppedForAConcurrentWrite(ex), ct);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }
    }

    /// <summary>
    /// Answers a save of a confirmed booking that lost to a concurrent write like any conflict, naming the booking that won. The failed
    /// transaction is rolled back first (PostgreSQL reads nothing more in it), the caller's included: nothing of it is kept. A save the
    /// database <em>stopped</em> (a deadlock between two colliding inserts) may be answered before the winner has committed, so its
    /// conflicts are read again for a moment until the winner shows; the refusal names a plain overlap if it never does.
    /// </summary>
    internal async Task RefuseLostRaceAsync(VenueCatalog catalog, Booking booking, Room room, BookingInput? input, bool stopped, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            await db.Database.RollbackTransactionAsync(ct);
        }

        db.ChangeTracker.Clear();
        var facts = await FactsAsync(catalog, booking, ct);
        var conflicts = facts.Check(booking, room);
        for (var look = 0; stopped && conflicts.Count == 0 && look < WinnerLooks; look++)
        {
            // Real time, not the event's clock: this waits for another database transaction to end.
            await Task.Delay(WinnerLookInterval, ct);
            facts = await FactsAsync(catalog, booking, ct);
            conflicts = facts.Check(booking, room);
        }

        ThrowIfConflicts(conflicts.Count > 0 ? conflicts : [new BookingConflict(BookingConflictKind.Overlap)], input, booking, room, facts);
    }

    private const int WinnerLooks = 40;
    private static readonly TimeSpan WinnerLookInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Inside the caller's transaction, holds the stock of the given items until it ends and returns the catalog with their stock as it is
    /// now: the facts read after this see every confirmation that took them before, and the next one waits for this one. PostgreSQL locks
    /// the items' rows (<c>SELECT ... FOR UPDATE</c>, in id order so two confirmations never wait on each other crosswise); SQLite needs no
    /// lock of its own, as its transactions begin <c>IMMEDIATE</c> (Microsoft.Data.Sqlite's default) and so hold the database's one write
    /// lock from their start: a second confirmation's transaction waits at its start until the first commits.
    /// </summary>
    internal async Task<VenueCatalog> LockStockAsync(VenueCatalog catalog, IEnumerable<Guid> itemIds, CancellationToken ct)
    {
        var ids = itemIds.Distinct().Order().ToArray();
        var items = db.Database.IsNpgsql()
            ? await db.Set<EquipmentItem>().FromSql($"SELECT * FROM \"VenueEquipment\" WHERE \"Id\" = ANY({ids}) ORDER BY \"Id\" FOR UPDATE")
                .AsNoTracking().ToListAsync(ct)
            : await db.Set<EquipmentItem>().AsNoTracking().Where(e => ids.Contains(e.Id)).ToListAsync(ct);
        var stock = catalog.Equipment.ToDictionary();
        foreach (var item in items)
        {
            stock[item.Id] = item;
        }

        return catalog with { Equipment = stock };
    }

    private async Task<BookingView> CloseAsync(Guid eventId, Booking booking, BookingState state, string action, BookingDecisionInput input, CancellationToken ct)
    {
        var checks = new FieldChecks(localizer);
        var reason = RoomService.Optional(checks, "reason", "venues.field.reason", input.Reason, VenueLimits.ReasonLength);
        checks.ThrowIfAny();
        var old = booking.State;
        booking.State = state;
        booking.Reason = reason.Length == 0 ? null : reason;
        await DecideAsync(booking);
        await audit.RecordAsync(action, "booking", booking.Id.ToString(), new Dictionary<string, (object?, object?)>
        {
            ["state"] = (old, state),
            ["reason"] = (null, booking.Reason),
        });
        var code = (await RoomCodesAsync(eventId, ct)).GetValueOrDefault(booking.RoomId, "?");
        if (state == BookingState.Rejected)
        {
            await notices.RejectedAsync(booking, code, booking.Reason, ct);
        }

        await db.SaveChangesAsync(ct);
        return BookingView.From(booking, code);
    }

    private async Task DecideAsync(Booking booking)
    {
        booking.DecidedAt = clock.GetUtcNow();
        booking.DecidedBy = (await actor.GetAsync()).Name;
    }

    private async Task<Booking> FindAsync(Guid eventId, Guid id, CancellationToken ct) =>
        await db.Set<Booking>().Include(b => b.Equipment).FirstOrDefaultAsync(b => b.Id == id && b.EventId == eventId, ct)
        ?? throw new SummitException(SummitError.NotFound(VenuesErrors.BookingNotFound, id));

    /// <summary>The booking the input describes, in a room of the event (<paramref name="catalog"/>), or every field problem at once.</summary>
    internal (Booking Booking, Room Room) Validate(BookingInput input, VenueCatalog catalog)
    {
        var checks = new FieldChecks(localizer);
        var room = catalog.FindRoom(input.RoomId);
        if (room is null)
        {
            checks.Add("roomId", "venues.field.room", VenuesErrors.RoomUnknown, input.RoomId);
        }

        if (input.EndsAt <= input.StartsAt)
        {
            checks.Add("endsAt", "venues.field.ends_at", VenuesErrors.PeriodInvalid);
        }
        else if (input.EndsAt - input.StartsAt > VenueLimits.MaxBookingLength)
        {
            checks.Add("endsAt", "venues.field.ends_at", VenuesErrors.PeriodTooLong, VenueLimits.MaxBookingLength.TotalDays);
        }

        var title = checks.Required("title", "venues.field.title", input.Title, VenueLimits.TitleLength);
        var holderName = RoomService.Optional(checks, "holderName", "venues.field.holder_name", input.HolderName, VenueLimits.HolderNameLength);
        if (!Enum.IsDefined(input.HolderKind))
        {
            checks.Add("holderKind", "venues.field.holder_kind", VenuesErrors.ValueUnknown, input.HolderKind);
        }
        else if (input.HolderKind != BookingHolderKind.Organizer && input.HolderId is null && holderName.Length == 0)
        {
            checks.Add("holderName", "venues.field.holder_name", VenuesErrors.HolderIdRequired, input.HolderKind);
        }

        if (!Enum.IsDefined(input.Priority))
        {
            checks.Add("priority", "venues.field.priority", VenuesErrors.ValueUnknown, input.Priority);
        }
        else if (input.Displace && input.Priority != BookingPriority.Protocol)
        {
            checks.Add("displace", "venues.field.displace", VenuesErrors.DisplaceNeedsProtocol);
        }

        if (input.Displacing is { Count: > VenueLimits.MaxDisplacing })
        {
            checks.Add("displacing", "venues.field.displace", VenuesErrors.DisplacingTooMany, VenueLimits.MaxDisplacing);
        }

        if (!Enum.IsDefined(input.Layout))
        {
            checks.Add("layout", "venues.field.layout", VenuesErrors.ValueUnknown, input.Layout);
        }

        RoomService.InRange(checks, "expectedAttendance", "venues.field.attendance", input.ExpectedAttendance, 1, VenueLimits.MaxCapacity);
        if (input.SetupMinutes is { } setup)
        {
            RoomService.InRange(checks, "setupMinutes", "venues.field.setup", setup, 0, VenueLimits.MaxBufferMinutes);
        }

        if (input.TeardownMinutes is { } teardown)
        {
            RoomService.InRange(checks, "teardownMinutes", "venues.field.teardown", teardown, 0, VenueLimits.MaxBufferMinutes);
        }

        var lines = input.Equipment ?? [];
        if (lines.Count > VenueLimits.MaxEquipmentLines)
        {
            checks.Add("equipment", "venues.field.equipment", VenuesErrors.EquipmentTooManyLines, VenueLimits.MaxEquipmentLines);
        }
        else
        {
            var itemIds = lines.Select(l => l.EquipmentItemId).ToList();
            foreach (var line in lines)
            {
                if (!catalog.Equipment.ContainsKey(line.EquipmentItemId))
                {
                    checks.Add("equipment", "venues.field.equipment", VenuesErrors.EquipmentUnknown, line.EquipmentItemId);
                }

                RoomService.InRange(checks, "equipment", "venues.field.quantity", line.Quantity, 1, VenueLimits.MaxEquipmentQuantity);
            }

            if (itemIds.Distinct().Count() != itemIds.Count)
            {
                checks.Add("equipment", "venues.field.equipment", VenuesErrors.EquipmentDuplicateLine);
            }
        }

        checks.ThrowIfAny();
        var booking = new Booking
        {
            EventId = catalog.EventId,
            RoomId = room!.Id,
            Title = title,
            HolderKind = input.HolderKind,
            HolderId = input.HolderId,
            HolderName = holderName,
            ExpectedAttendance = input.ExpectedAttendance,
            Layout = input.Layout,
            Priority = input.Priority,
        };
        booking.SetTimes(input.StartsAt, input.EndsAt, input.SetupMinutes ?? room.SetupMinutes, input.TeardownMinutes ?? room.TeardownMinutes);
        booking.Equipment = [.. lines.Select(l => new BookingEquipment { BookingId = booking.Id, EquipmentItemId = l.EquipmentItemId, Quantity = l.Quantity })];
        return (booking, room);
    }

    /// <summary>The current event's venues, rooms, stock and time zone (<see cref="VenueCatalog"/>): three queries, once per call.</summary>
    internal async Task<VenueCatalog> CatalogAsync(CancellationToken ct)
    {
        // The event's id and zone only (not its names and venues), then the venues with their rooms in one query.
        var clock = await events.GetCurrentClockAsync(ct);
        var eventId = clock.Id;
        var venues = await db.Set<Venue>().AsNoTracking().Where(v => v.EventId == eventId)
            .Select(v => new VenueRooms(v, db.Set<Room>().Where(r => r.VenueId == v.Id).ToList())).ToListAsync(ct);
        var equipment = await db.Set<EquipmentItem>().AsNoTracking().Where(e => e.EventId == eventId).ToDictionaryAsync(e => e.Id, ct);
        return new VenueCatalog(eventId, clock.Zone, venues.ToDictionary(v => v.Venue.Id, v => v.Venue), [.. venues.SelectMany(v => v.Rooms)], equipment);
    }

    /// <summary>
    /// What a check needs and no more: the event's id and zone, the room with the equipment items the booking names (one query), then the
    /// confirmed bookings that overlap the booking's period in its room or hold one of those items, with their items, and the room's blockings
    /// then (one query). <see cref="BookingRules.Check"/> judges the booking's own room only, and other rooms' bookings only for the items the
    /// booking takes, so it answers as it does with every room's facts. Three round trips where the full catalog and facts take five: the
    /// fixed cost of every check on PostgreSQL (docs/benchmarks.md, venue check; SQLite runs the same reads as five queries). An input that fails on its room or its lines goes the
    /// full way, so its field problems are those of every other call.
    /// </summary>
    private async Task<(Booking Booking, Room Room, BookingFacts Facts)> CheckFactsAsync(BookingInput input, CancellationToken ct)
    {
        var lines = input.Equipment ?? [];
        var clock = await events.GetCurrentClockAsync(ct);
        var itemIds = lines.Count <= VenueLimits.MaxEquipmentLines ? lines.Select(l => l.EquipmentItemId).Distinct().ToArray() : null;
        var read = itemIds is null ? null : await RoomWithItemsAsync(clock.Id, input.RoomId, itemIds, ct);
        if (read is null)
        {
            var full = await CatalogAsync(ct);
            var (refused, asked) = Validate(input, full);
            return (refused, asked, await FactsAsync(full, refused, ct));
        }

        var catalog = new VenueCatalog(clock.Id, clock.Zone, NoVenues, [read.Room], read.Items.ToDictionary(i => i.Id));
        var (booking, room) = Validate(input, catalog);
        var from = booking.BlockedFrom.ToUniversalTime();
        var until = booking.BlockedUntil.ToUniversalTime();
        var near = await NearRoomAsync(clock.Id, room.Id, itemIds!, from, until, ct);
        var confirmed = new List<Booking>(near?.Bookings.Count ?? 0);
        foreach (var held in near?.Bookings ?? [])
        {
            held.Booking.Equipment = held.Lines;
            confirmed.Add(held.Booking);
        }

        return (booking, room, new BookingFacts(catalog.Rooms, catalog.Venues, confirmed, near?.Blockings ?? [], catalog.Equipment, catalog.Zone));
    }

    /// <summary>
    /// The room with the named items: one query on PostgreSQL, where each round trip waits for the server process; two on SQLite, which
    /// answers inside this process and cannot run the one query (it would need an APPLY).
    /// </summary>
    private async Task<RoomItems?> RoomWithItemsAsync(Guid eventId, Guid roomId, Guid[] itemIds, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            return await PostgresQueries.RoomWithItems(db, eventId, roomId, itemIds);
        }

        var room = await db.Set<Room>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == roomId && db.Set<Venue>().Any(v => v.Id == r.VenueId && v.EventId == eventId), ct);
        return room is null ? null
            : new RoomItems(room, await db.Set<EquipmentItem>().AsNoTracking().Where(e => e.EventId == eventId && itemIds.Contains(e.Id)).ToListAsync(ct));
    }

    /// <summary>The confirmed bookings and the room's blockings near the check's period: one query on PostgreSQL, two on SQLite (as above).</summary>
    private async Task<RoomNear?> NearRoomAsync(Guid eventId, Guid roomId, Guid[] itemIds, DateTimeOffset from, DateTimeOffset until, CancellationToken ct)
    {
        var earliest = from - LongestOccupation;
        if (db.Database.IsNpgsql())
        {
            return await PostgresQueries.NearRoom(db, eventId, roomId, itemIds, from, until, earliest);
        }

        var bookings = await db.Set<Booking>().AsNoTracking().Include(b => b.Equipment)
            .Where(b => b.EventId == eventId && b.State == BookingState.Confirmed && b.BlockedFrom < until && b.BlockedFrom >= earliest
                && b.BlockedUntil > from && (b.RoomId == roomId || b.Equipment.Any(l => itemIds.Contains(l.EquipmentItemId))))
            .ToListAsync(ct);
        var blockings = await db.Set<RoomBlocking>().AsNoTracking().Where(k => k.RoomId == roomId && k.From < until && k.Until > from).ToListAsync(ct);
        return new RoomNear([.. bookings.Select(b => new BookingLines(b, b.Equipment))], blockings);
    }

    private static readonly IReadOnlyDictionary<Guid, Venue> NoVenues = new Dictionary<Guid, Venue>();

    /// <summary>No booking occupies its room longer than this (its longest time and both buffers): the index on BlockedFrom is read from here on.</summary>
    private static readonly TimeSpan LongestOccupation = VenueLimits.MaxBookingLength + TimeSpan.FromMinutes(2 * VenueLimits.MaxBufferMinutes);

    /// <summary>
    /// Everything the rules need around the booking's time: the event's rooms and venues, the confirmed bookings and blockings of any room
    /// near it (as far either side as the largest set-up and tear-down buffer of the booking and of the rooms, so that the same facts also
    /// judge other rooms with their own buffers), and the stock.
    /// </summary>
    internal Task<BookingFacts> FactsAsync(VenueCatalog catalog, Booking booking, CancellationToken ct) =>
        FactsAsync(catalog, booking.StartsAt, booking.EndsAt, booking.SetupMinutes, booking.TeardownMinutes, ct);

    /// <summary>The facts around bookings from <paramref name="startsAt"/> to <paramref name="endsAt"/> (a series: its first start and last end).</summary>
    internal async Task<BookingFacts> FactsAsync(VenueCatalog catalog, DateTimeOffset startsAt, DateTimeOffset endsAt, int setupMinutes, int teardownMinutes,
        CancellationToken ct)
    {
        var rooms = catalog.Rooms;
        // Only what can touch the booking in any room: its time widened by the largest buffer it may take there. (A day either side, as this
        // read before, loaded about a thousand bookings at 10,000 over 60 rooms: see docs/benchmarks.md, venue check.)
        var from = startsAt.ToUniversalTime().AddMinutes(-Math.Max(setupMinutes, rooms.Select(r => r.SetupMinutes).DefaultIfEmpty().Max()));
        var until = endsAt.ToUniversalTime().AddMinutes(Math.Max(teardownMinutes, rooms.Select(r => r.TeardownMinutes).DefaultIfEmpty().Max()));
        // No booking occupies its room longer than this, so the index on BlockedFrom is read from here on, not from the event's first booking.
        var earliest = from - LongestOccupation;
        var confirmed = await ConfirmedNear(catalog.EventId, from, until, earliest).ToListAsync(ct);
        var blockings = await BlockingsNear(catalog.EventId, from, until).ToListAsync(ct);
        return new BookingFacts(rooms, catalog.Venues, confirmed, blockings, catalog.Equipment, catalog.Zone);
    }

    // Compiled once: every check, booking, confirmation and offer of free rooms runs these two (docs/benchmarks.md, venue check). A compiled
    // query belongs to one model and each provider's context has its own, so there is one of each per provider.
    private static readonly CompiledFactsQueries PostgresQueries = new(), SqliteQueries = new();

    private IAsyncEnumerable<Booking> ConfirmedNear(Guid eventId, DateTimeOffset from, DateTimeOffset until, DateTimeOffset earliest) =>
        (db.Database.IsNpgsql() ? PostgresQueries : SqliteQueries).ConfirmedNear(db, eventId, from, until, earliest);

    private IAsyncEnumerable<RoomBlocking> BlockingsNear(Guid eventId, DateTimeOffset from, DateTimeOffset until) =>
        (db.Database.IsNpgsql() ? PostgresQueries : SqliteQueries).BlockingsNear(db, eventId, from, until);

    private sealed class CompiledFactsQueries
    {
        public Func<SummitDbContext, Guid, DateTimeOffset, DateTimeOffset, DateTimeOffset, IAsyncEnumerable<Booking>> ConfirmedNear { get; } =
            EF.CompileAsyncQuery((SummitDbContext db, Guid eventId, DateTimeOffset from, DateTimeOffset until, DateTimeOffset earliest) =>
                db.Set<Booking>().AsNoTracking().Include(b => b.Equipment)
                    .Where(b => b.EventId == eventId && b.State == BookingState.Confirmed && b.BlockedFrom < until && b.BlockedFrom >= earliest && b.BlockedUntil > from));

        public Func<SummitDbContext, Guid, DateTimeOffset, DateTimeOffset, IAsyncEnumerable<RoomBlocking>> BlockingsNear { get; } =
            EF.CompileAsyncQuery((SummitDbContext db, Guid eventId, DateTimeOffset from, DateTimeOffset until) =>
                db.Set<RoomBlocking>().AsNoTracking()
                    .Where(k => k.From < until && k.Until > from
                        && db.Set<Room>().Any(r => r.Id == k.RoomId && db.Set<Venue>().Any(v => v.Id == r.VenueId && v.EventId == eventId))));

        /// <summary>The room, if it is one of the event's, with those of the given equipment items the event has.</summary>
        public Func<SummitDbContext, Guid, Guid, Guid[], Task<RoomItems?>> RoomWithItems { get; } =
            EF.CompileAsyncQuery((SummitDbContext db, Guid eventId, Guid roomId, Guid[] itemIds) =>
                db.Set<Room>().AsNoTracking()
                    .Where(r => r.Id == roomId && db.Set<Venue>().Any(v => v.Id == r.VenueId && v.EventId == eventId))
                    .Select(r => new RoomItems(r, db.Set<EquipmentItem>().Where(e => e.EventId == eventId && itemIds.Contains(e.Id)).ToList()))
                    .FirstOrDefault());

        /// <summary>
        /// The confirmed bookings overlapping [from, until) in the room or holding one of the items (with their lines), and the room's blockings
        /// overlapping it, in one query rooted at the room: one round trip on purpose (a few rows each), so said with AsSingleQuery.
        /// </summary>
        public Func<SummitDbContext, Guid, Guid, Guid[], DateTimeOffset, DateTimeOffset, DateTimeOffset, Task<RoomNear?>> NearRoom { get; } =
            EF.CompileAsyncQuery((SummitDbContext db, Guid eventId, Guid roomId, Guid[] itemIds, DateTimeOffset from, DateTimeOffset until, DateTimeOffset earliest) =>
                db.Set<Room>().AsNoTracking().AsSingleQuery()
                    .Where(r => r.Id == roomId)
                    .Select(r => new RoomNear(
                        db.Set<Booking>()
                            .Where(b => b.EventId == eventId && b.State == BookingState.Confirmed && b.BlockedFrom < until && b.BlockedFrom >= earliest
                                && b.BlockedUntil > from && (b.RoomId == roomId || b.Equipment.Any(l => itemIds.Contains(l.EquipmentItemId))))
                            .Select(b => new BookingLines(b, b.Equipment.ToList()))
                            .ToList(),
                        db.Set<RoomBlocking>().Where(k => k.RoomId == roomId && k.From < until && k.Until > from).ToList()))
                    .FirstOrDefault());
    }

    private sealed record VenueRooms(Venue Venue, List<Room> Rooms);

    private sealed record RoomItems(Room Room, List<EquipmentItem> Items);

    private sealed record BookingLines(Booking Booking, List<BookingEquipment> Lines);

    private sealed record RoomNear(List<BookingLines> Bookings, List<RoomBlocking> Blockings);

    internal void ThrowIfConflicts(IReadOnlyList<BookingConflict> conflicts, BookingInput? input, Booking booking, Room room, BookingFacts facts,
        IReadOnlyList<Booking>? displaceable = null)
    {
        if (conflicts.Count == 0)
        {
            return;
        }

        var views = conflicts.Select(c => ToView(c, facts)).ToList();
        var alternatives = Alternatives(input, booking, room, facts);
        var offer = displaceable is { Count: > 0 }
            ? displaceable.Select(b => ToView(new BookingConflict(BookingConflictKind.Overlap, b.Id, b.Title, b.BlockedFrom, b.BlockedUntil), facts)).ToList()
            : null;
        throw new SummitException(SummitError.Conflict(VenuesErrors.BookingConflict, views.Count, views[0].Message),
            new BookingRefusal(views, alternatives, offer));
    }

    private static DisplacementPlan PlanOf(Booking booking, Room room, BookingFacts facts) =>
        BookingDisplacement.Plan(booking, room, facts.Confirmed, facts.Blockings, facts.Stock, facts.Zone);

    /// <summary>
    /// Cancels the bookings a Protocol booking displaces, audited, their makers told, and saves that first, inside the caller's
    /// transaction: the database's no-overlap guarantee then accepts the Protocol booking in their place, and a refusal undoes both.
    /// </summary>
    private async Task DisplaceAsync(IReadOnlyList<Booking> displaced, Booking by, Room room, CancellationToken ct)
    {
        var ids = displaced.Select(b => b.Id).ToList();
        foreach (var victim in await db.Set<Booking>().Where(b => ids.Contains(b.Id) && b.State == BookingState.Confirmed).ToListAsync(ct))
        {
            victim.State = BookingState.Cancelled;
            victim.Reason = notices.Reason("venues.reason.displaced", by.Title);
            await DecideAsync(victim);
            await audit.RecordAsync(VenuesAudit.BookingDisplaced, "booking", victim.Id.ToString(), new Dictionary<string, (object?, object?)>
            {
                ["state"] = (BookingState.Confirmed, BookingState.Cancelled),
                ["reason"] = (null, victim.Reason),
                ["displacedBy"] = (null, by.Id),
            });
            await notices.CancelledAsync(victim, room.Code, "displaced", [by.Title], ct);
        }

        await db.SaveChangesAsync(ct);
    }

    private static List<RoomAlternativeView> Alternatives(BookingInput? input, Booking booking, Room room, BookingFacts facts)
    {
        Booking In(Room other)
        {
            var moved = new Booking
            {
                Id = booking.Id,
                EventId = booking.EventId,
                RoomId = other.Id,
                Layout = booking.Layout,
                ExpectedAttendance = booking.ExpectedAttendance,
                Equipment = booking.Equipment,
            };
            // A booking's own buffers (given, or those of a stored booking) go with it; otherwise the other room's apply.
            var setup = input is null ? booking.SetupMinutes : input.SetupMinutes ?? other.SetupMinutes;
            var teardown = input is null ? booking.TeardownMinutes : input.TeardownMinutes ?? other.TeardownMinutes;
            moved.SetTimes(booking.StartsAt, booking.EndsAt, setup, teardown);
            return moved;
        }

        var ranked = AlternativeRooms.Rank(room, facts.Rooms, booking.Layout, booking.ExpectedAttendance, In, (b, r) => facts.Check(b, r).Count == 0,
            VenueLimits.MaxAlternatives);
        return [.. ranked.Select(r => new RoomAlternativeView(r.Id, r.Code, r.NameEn, r.NameZh, facts.Venues[r.VenueId].NameEn, facts.Venues[r.VenueId].NameZh,
            r.Building, r.Floor, r.CapacityFor(booking.Layout)))];
    }

    internal ConflictView ToView(BookingConflict c, BookingFacts facts)
    {
        string Local(DateTimeOffset? at) => at is { } t ? EventTime.Unlabelled(t, facts.Zone) : "";
        var key = "venues.conflict." + c.Kind;
        var message = c.Kind switch
        {
            BookingConflictKind.Overlap when c.WithId is null => localizer["venues.conflict.OverlapUnnamed"],
            BookingConflictKind.Overlap or BookingConflictKind.Blocked => localizer[key, c.WithTitle ?? "", Local(c.From), Local(c.Until)],
            BookingConflictKind.EquipmentShort => localizer[key, facts.Equipment.TryGetValue(c.WithId!.Value, out var item)
                ? Localizer.InReaderLanguage(item.NameEn, item.NameZh) : c.WithId.Value.ToString(), c.Needed!.Value, c.Available!.Value],
            BookingConflictKind.Capacity => localizer[key, c.Needed!.Value, c.Available!.Value],
            _ => localizer[key],
        };
        return new ConflictView(c.Kind, message, c.WithId, c.WithTitle, c.From, c.Until, c.Needed, c.Available);
    }

    internal static void CheckWindow(DateTimeOffset from, DateTimeOffset until)
    {
        if (until <= from || until - from > VenueLimits.MaxListWindow)
        {
            throw new SummitException(SummitError.Of(VenuesErrors.WindowTooWide, VenueLimits.MaxListWindow.TotalDays));
        }
    }

    private async Task<Dictionary<Guid, string>> RoomCodesAsync(Guid eventId, CancellationToken ct)
    {
        var venueIds = await db.Set<Venue>().AsNoTracking().Where(v => v.EventId == eventId).Select(v => v.Id).ToListAsync(ct);
        return await db.Set<Room>().AsNoTracking().Where(r => venueIds.Contains(r.VenueId)).ToDictionaryAsync(r => r.Id, r => r.Code, ct);
    }
}
