using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Summit.Server.Events.Contracts;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Venues.Bookings;
using Summit.Server.Venues.Rooms;

namespace Summit.Server.Venues.Series;

/// <summary>
/// Repeating bookings: a series books one room at the same local time on each date of its recurrence, every date checked by
/// <see cref="BookingRules"/> like a single booking. A conflict refuses the whole series, naming each conflicting date and what it collides
/// with, unless the caller asks to skip those dates; a skipped date may be added back later, checked again then. Each booked date is an
/// ordinary confirmed booking, so the database's no-overlap guarantee (docs/adr/0027) holds for it.
/// </summary>
public sealed class SeriesService(SummitDbContext db, BookingService bookings, IEventCalendar events, AuditLog audit, CurrentActor actor,
    Localizer localizer, TimeProvider clock)
{
    private static readonly JsonSerializerOptions LinesJson = new(JsonSerializerDefaults.Web);

    /// <summary>How often a series is checked and saved again after losing a date to a concurrent confirmation.</summary>
    private const int SaveAttempts = 3;

    /// <summary>Books the series confirmed: every date, or, with <see cref="SeriesInput.SkipConflicts"/>, every date without a conflict.</summary>
    public Task<SeriesView> CreateAsync(SeriesInput input, CancellationToken ct = default) => CreateAsync(input, BookingState.Confirmed, ct);

    /// <summary>
    /// Requests the series: every date (or every date without a conflict) a pending request, checked as a single request is, that a venue
    /// manager confirms or rejects date by date (the staff who may only request a room).
    /// </summary>
    public Task<SeriesView> RequestAsync(SeriesInput input, CancellationToken ct = default) => CreateAsync(input, BookingState.Pending, ct);

    private async Task<SeriesView> CreateAsync(SeriesInput input, BookingState state, CancellationToken ct)
    {
        var catalog = await bookings.CatalogAsync(ct);
        var zone = catalog.Zone;
        var recurrence = Validate(input);
        var occurrences = RecurrenceExpansion.Expand(recurrence, zone);
        var (template, room) = bookings.Validate(ToBookingInput(input, occurrences[0]), catalog);
        var maker = await actor.GetAsync();
        var name = maker.Name;

        // Another try when another confirmation took one of the dates between this check and the save (the database refused it, or
        // stopped this save for it before it committed: the try after that waits for it and is refused).
        for (var attempt = 0; ; attempt++)
        {
            // A series taking equipment holds its items' stock from before it reads the facts until it is saved (docs/adr/0027, second
            // amendment), so another confirmation cannot take the same units between this check and the save.
            await using var transaction = state == BookingState.Confirmed && template.Equipment.Count > 0 ? await db.Database.BeginTransactionAsync(ct) : null;
            var current = transaction is null ? catalog : await bookings.LockStockAsync(catalog, template.Equipment.Select(l => l.EquipmentItemId), ct);
            var facts = await bookings.FactsAsync(current, occurrences[0].StartsAt, occurrences[^1].EndsAt, template.SetupMinutes, template.TeardownMinutes, ct);
            var held = facts.Confirmed.ToList();
            facts = facts with { Confirmed = held };
            var series = NewSeries(input, catalog.EventId, zone, name, clock.GetUtcNow());
            var booked = new List<Booking>();
            var refused = new List<(Occurrence Date, IReadOnlyList<BookingConflict> Conflicts)>();
            foreach (var occurrence in occurrences)
            {
                var booking = DateOf(series, template, occurrence, name, state);
                booking.CreatedByUserId = maker.Id;
                var conflicts = facts.Check(booking, room);
                if (conflicts.Count > 0)
                {
                    refused.Add((occurrence, conflicts));
                }
                else
                {
                    // The series' own confirmed dates hold the room and the equipment for the dates after them; requests hold nothing.
                    booked.Add(booking);
                    if (state == BookingState.Confirmed)
                    {
                        held.Add(booking);
                    }
                }
            }

            if (refused.Count > 0 && (!input.SkipConflicts || booked.Count == 0))
            {
                var dates = refused.Select(r => new SeriesDateConflicts(r.Date.Date, r.Date.StartsAt, r.Date.EndsAt,
                    [.. r.Conflicts.Select(c => bookings.ToView(c, facts))])).ToList();
                throw new SummitException(SummitError.Conflict(VenuesErrors.SeriesConflict, dates.Count, occurrences.Count,
                    dates[0].Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), dates[0].Conflicts[0].Message), new SeriesRefusal(occurrences.Count, dates));
            }

            var now = clock.GetUtcNow();
            series.Skipped = [.. refused.Select(r => new BookingSeriesSkip { SeriesId = series.Id, Date = r.Date.Date, Conflicts = Summary(r.Conflicts), SkippedAt = now })];
            db.Set<BookingSeries>().Add(series);
            db.Set<Booking>().AddRange(booked);
            var action = state == BookingState.Confirmed ? VenuesAudit.SeriesCreated : VenuesAudit.SeriesRequested;
            await audit.RecordAsync(action, "booking_series", series.Id.ToString(), new Dictionary<string, (object?, object?)>
            {
                ["state"] = (null, state),
                ["room"] = (null, room.Code),
                ["title"] = (null, series.Title),
                ["recurrence"] = (null, Describe(series)),
                ["time"] = (null, $"{series.StartTime:HH\\:mm}-{series.EndTime:HH\\:mm} {series.TimeZoneId}"),
                ["holder"] = (null, $"{series.HolderKind} {series.HolderId} {series.HolderName}".Trim()),
                ["attendance"] = (null, series.ExpectedAttendance),
                ["layout"] = (null, series.Layout),
                ["equipment"] = (null, string.Join(", ", template.Equipment.Select(l => $"{l.Quantity} × {l.EquipmentItemId}"))),
                ["booked"] = (null, string.Join(", ", booked.Select(b => Day(b.StartsAt, zone)))),
                ["skipped"] = (null, string.Join(", ", series.Skipped.Select(s => s.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))),
            });
            try
            {
                await db.SaveChangesAsync(ct);
                if (transaction is not null)
                {
                    await transaction.CommitAsync(ct);
                }

                return await GetAsync(series.Id, ct);
            }
            catch (Exception ex) when (attempt < SaveAttempts - 1 && OverlapGuarantee.IsLostRace(ex))
            {
                // Rolled back when the transaction is disposed at the end of this attempt; the next one reads the winner's dates.
                db.ChangeTracker.Clear();
            }
        }
    }

    public async Task<SeriesView> GetAsync(Guid id, CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var series = await db.Set<BookingSeries>().AsNoTracking().Include(s => s.Skipped).FirstOrDefaultAsync(s => s.Id == id && s.EventId == summitEvent.Id, ct)
            ?? throw new SummitException(SummitError.NotFound(VenuesErrors.SeriesNotFound, id));
        var zone = ZoneOf(series);
        var dates = await db.Set<Booking>().AsNoTracking().Where(b => b.SeriesId == id).OrderBy(b => b.StartsAt).ToListAsync(ct);
        var code = await db.Set<Room>().AsNoTracking().Where(r => r.Id == series.RoomId).Select(r => r.Code).FirstOrDefaultAsync(ct) ?? "?";
        return new SeriesView(series.Id, series.RoomId, code, series.Title, series.Frequency, [.. Recurrence.FromBits(series.Weekdays).Order()],
            series.FirstDate, series.LastDate, series.Count, series.StartTime, series.EndTime, series.TimeZoneId,
            [.. dates.Select(b => new SeriesOccurrenceView(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(b.StartsAt, zone).DateTime), b.Id, b.StartsAt, b.EndsAt, b.State))],
            [.. series.Skipped.OrderBy(s => s.Date).Select(s => new SkippedDateView(s.Date, s.Conflicts, s.SkippedAt))],
            series.CreatedAt, series.CreatedBy);
    }

    /// <summary>
    /// Books a skipped date after all: checked again now, and refused with every conflict and the free rooms (as a single booking is) if it
    /// still conflicts; it stays skipped then.
    /// </summary>
    public async Task<BookingView> AddBackAsync(Guid id, SeriesDateInput input, CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var series = await db.Set<BookingSeries>().Include(s => s.Skipped).FirstOrDefaultAsync(s => s.Id == id && s.EventId == summitEvent.Id, ct)
            ?? throw new SummitException(SummitError.NotFound(VenuesErrors.SeriesNotFound, id));
        var skipped = series.Skipped.FirstOrDefault(s => s.Date == input.Date)
            ?? throw new SummitException(SummitError.Conflict(VenuesErrors.SeriesDateNotSkipped, input.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        var occurrence = RecurrenceExpansion.At(skipped.Date, series.StartTime, series.EndTime, ZoneOf(series));
        var bookingInput = new BookingInput(series.RoomId, occurrence.StartsAt, occurrence.EndsAt, series.Title, series.HolderKind, series.ExpectedAttendance,
            series.Layout, series.HolderId, series.HolderName, series.SetupMinutes, series.TeardownMinutes, LinesOf(series));
        var catalog = await bookings.CatalogAsync(ct);
        var (booking, room) = bookings.Validate(bookingInput, catalog);
        var facts = await bookings.FactsAsync(catalog, booking.StartsAt, booking.EndsAt, booking.SetupMinutes, booking.TeardownMinutes, ct);
        bookings.ThrowIfConflicts(facts.Check(booking, room), bookingInput, booking, room, facts);

        var name = (await actor.GetAsync()).Name;
        booking.SeriesId = series.Id;
        booking.State = BookingState.Confirmed;
        booking.CreatedAt = clock.GetUtcNow();
        booking.DecidedAt = booking.CreatedAt;
        booking.CreatedBy = name;
        booking.DecidedBy = name;
        db.Set<Booking>().Add(booking);
        series.Skipped.Remove(skipped);
        await audit.RecordAsync(VenuesAudit.SeriesDateAddedBack, "booking_series", series.Id.ToString(), new Dictionary<string, (object?, object?)>
        {
            ["date"] = (skipped.Date, null),
            ["booking"] = (null, booking.Id),
        });
        await bookings.SaveConfirmedAsync(catalog, booking, room, ct, bookingInput);
        return BookingView.From(booking, room.Code);
    }

    /// <summary>Cancels the rest of the series (see <see cref="SeriesCancelInput"/>); its skipped dates from then on are dropped too.</summary>
    public async Task<SeriesView> CancelAsync(Guid id, SeriesCancelInput input, CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var series = await db.Set<BookingSeries>().Include(s => s.Skipped).FirstOrDefaultAsync(s => s.Id == id && s.EventId == summitEvent.Id, ct)
            ?? throw new SummitException(SummitError.NotFound(VenuesErrors.SeriesNotFound, id));
        var checks = new FieldChecks(localizer);
        var reason = RoomService.Optional(checks, "reason", "venues.field.reason", input.Reason, VenueLimits.ReasonLength);
        checks.ThrowIfAny();

        var zone = ZoneOf(series);
        var now = clock.GetUtcNow();
        var from = input.From is { } day ? RecurrenceExpansion.ToInstant(day, TimeOnly.MinValue, zone) : now;
        var open = await db.Set<Booking>().Where(b => b.SeriesId == id && b.StartsAt >= from.ToUniversalTime()
            && (b.State == BookingState.Pending || b.State == BookingState.Confirmed)).OrderBy(b => b.StartsAt).ToListAsync(ct);
        var name = (await actor.GetAsync()).Name;
        foreach (var booking in open)
        {
            var old = booking.State;
            booking.State = BookingState.Cancelled;
            booking.Reason = reason.Length == 0 ? null : reason;
            booking.DecidedAt = now;
            booking.DecidedBy = name;
            await audit.RecordAsync(VenuesAudit.BookingCancelled, "booking", booking.Id.ToString(), new Dictionary<string, (object?, object?)>
            {
                ["state"] = (old, BookingState.Cancelled),
                ["reason"] = (null, booking.Reason),
                ["series"] = (null, series.Id),
            });
        }

        var fromDate = input.From ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var dropped = series.Skipped.Where(s => s.Date >= fromDate).ToList();
        foreach (var skip in dropped)
        {
            series.Skipped.Remove(skip);
        }

        await audit.RecordAsync(VenuesAudit.SeriesCancelled, "booking_series", series.Id.ToString(), new Dictionary<string, (object?, object?)>
        {
            ["from"] = (null, input.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? now.ToString("O", CultureInfo.InvariantCulture)),
            ["cancelled"] = (null, string.Join(", ", open.Select(b => Day(b.StartsAt, zone)))),
            ["skippedDropped"] = (null, string.Join(", ", dropped.Select(s => s.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))),
            ["reason"] = (null, reason.Length == 0 ? null : reason),
        });
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    private Recurrence Validate(SeriesInput input)
    {
        var checks = new FieldChecks(localizer);
        if (!Enum.IsDefined(input.Frequency))
        {
            checks.Add("frequency", "venues.field.frequency", VenuesErrors.ValueUnknown, input.Frequency);
        }

        var weekdays = (input.Weekdays ?? []).ToHashSet();
        if (weekdays.Any(d => !Enum.IsDefined(d)))
        {
            checks.Add("weekdays", "venues.field.weekdays", VenuesErrors.ValueUnknown, string.Join(", ", weekdays.Where(d => !Enum.IsDefined(d))));
        }
        else if (input.Frequency == SeriesFrequency.Weekdays && weekdays.Count == 0)
        {
            checks.Add("weekdays", "venues.field.weekdays", VenuesErrors.SeriesWeekdaysRequired);
        }

        if ((input.LastDate is null) == (input.Count is null))
        {
            checks.Add("lastDate", "venues.field.last_date", VenuesErrors.SeriesEndRequired);
        }
        else if (input.Count is { } count)
        {
            RoomService.InRange(checks, "count", "venues.field.count", count, 1, RecurrenceExpansion.MaxOccurrences);
        }
        else if (input.LastDate < input.FirstDate)
        {
            checks.Add("lastDate", "venues.field.last_date", VenuesErrors.PeriodInvalid);
        }

        if (input.EndTime == input.StartTime)
        {
            checks.Add("endTime", "venues.field.end_time", VenuesErrors.PeriodInvalid);
        }

        checks.ThrowIfAny();
        var recurrence = new Recurrence(input.Frequency, input.FirstDate, input.LastDate, input.Count, weekdays, input.StartTime, input.EndTime);
        var dates = RecurrenceExpansion.Dates(recurrence);
        if (dates.Count > RecurrenceExpansion.MaxOccurrences)
        {
            checks.Add(input.Count is null ? "lastDate" : "count", input.Count is null ? "venues.field.last_date" : "venues.field.count",
                VenuesErrors.SeriesTooManyDates, RecurrenceExpansion.MaxOccurrences);
        }
        else if (dates.Count == 0)
        {
            checks.Add("firstDate", "venues.field.first_date", VenuesErrors.SeriesNoDates);
        }

        checks.ThrowIfAny();
        return recurrence;
    }

    private static BookingInput ToBookingInput(SeriesInput input, Occurrence first) =>
        new(input.RoomId, first.StartsAt, first.EndsAt, input.Title, input.HolderKind, input.ExpectedAttendance, input.Layout, input.HolderId,
            input.HolderName, input.SetupMinutes, input.TeardownMinutes, input.Equipment);

    private static BookingSeries NewSeries(SeriesInput input, Guid eventId, TimeZoneInfo zone, string createdBy, DateTimeOffset now) => new()
    {
        EventId = eventId,
        RoomId = input.RoomId,
        Title = input.Title.Trim(),
        HolderKind = input.HolderKind,
        HolderId = input.HolderId,
        HolderName = input.HolderName?.Trim() ?? "",
        ExpectedAttendance = input.ExpectedAttendance,
        Layout = input.Layout,
        SetupMinutes = input.SetupMinutes,
        TeardownMinutes = input.TeardownMinutes,
        Equipment = JsonSerializer.Serialize(input.Equipment ?? [], LinesJson),
        Frequency = input.Frequency,
        Weekdays = input.Frequency == SeriesFrequency.Weekdays ? Recurrence.ToBits(input.Weekdays ?? []) : 0,
        FirstDate = input.FirstDate,
        LastDate = input.LastDate,
        Count = input.Count,
        StartTime = input.StartTime,
        EndTime = input.EndTime,
        TimeZoneId = zone.Id,
        CreatedAt = now,
        CreatedBy = createdBy,
    };

    private static Booking DateOf(BookingSeries series, Booking template, Occurrence occurrence, string name, BookingState state)
    {
        var now = series.CreatedAt;
        var booking = new Booking
        {
            EventId = template.EventId,
            RoomId = template.RoomId,
            SeriesId = series.Id,
            Title = template.Title,
            HolderKind = template.HolderKind,
            HolderId = template.HolderId,
            HolderName = template.HolderName,
            ExpectedAttendance = template.ExpectedAttendance,
            Layout = template.Layout,
            State = state,
            CreatedAt = now,
            CreatedBy = name,
            DecidedAt = state == BookingState.Confirmed ? now : null,
            DecidedBy = state == BookingState.Confirmed ? name : null,
        };
        booking.SetTimes(occurrence.StartsAt, occurrence.EndsAt, template.SetupMinutes, template.TeardownMinutes);
        booking.Equipment = [.. template.Equipment.Select(l => new BookingEquipment { BookingId = booking.Id, EquipmentItemId = l.EquipmentItemId, Quantity = l.Quantity })];
        return booking;
    }

    private static List<EquipmentLine> LinesOf(BookingSeries series) => JsonSerializer.Deserialize<List<EquipmentLine>>(series.Equipment, LinesJson) ?? [];

    private static TimeZoneInfo ZoneOf(BookingSeries series) => TimeZoneInfo.FindSystemTimeZoneById(series.TimeZoneId);

    private static string Day(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Describe(BookingSeries series)
    {
        var days = series.Frequency == SeriesFrequency.Weekdays ? " " + string.Join(",", Recurrence.FromBits(series.Weekdays).Order()) : "";
        var end = series.Count is { } count ? $"{count} dates" : $"until {series.LastDate:yyyy-MM-dd}";
        return string.Create(CultureInfo.InvariantCulture, $"{series.Frequency}{days} from {series.FirstDate:yyyy-MM-dd}, {end}");
    }

    /// <summary>The conflicts of a skipped date in neither language, kept on the series.</summary>
    private static string Summary(IReadOnlyList<BookingConflict> conflicts)
    {
        var text = string.Join("; ", conflicts.Select(c => c.WithTitle is null ? c.Kind.ToString() : $"{c.Kind}: {c.WithTitle}"));
        return text.Length <= VenueLimits.ReasonLength ? text : text[..(VenueLimits.ReasonLength - 1)] + "…";
    }
}
