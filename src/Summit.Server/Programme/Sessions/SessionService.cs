using Microsoft.EntityFrameworkCore;
using Summit.Server.Events.Contracts;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Programme.Rules;
using Summit.Server.Programme.Timetable;
using Summit.Server.Venues.Contracts;

namespace Summit.Server.Programme.Sessions;

/// <summary>
/// Sessions: created, changed, placed in a room at a time, taken out of the timetable, their running order and their people; every change
/// audited. Each edit is judged by <see cref="ProgrammeRules"/> on the whole programme before and after it: an edit that brings in a
/// conflict whose rule refuses edits (for the event) is refused with those conflicts. A placement holds the room through the venues
/// module's <see cref="IRoomReservations"/> in the same transaction as the session's change, so a room the venue refuses refuses the
/// placement with the venue's reasons, and moving a session moves its booking.
/// </summary>
public sealed class SessionService(SummitDbContext db, IEventCalendar events, AuditLog audit, Localizer localizer, ProgrammeReader reader,
    IRoomReservations reservations)
{
    /// <summary>The sessions of the event (or of one forum), placed ones by start, then unplaced ones in their order.</summary>
    public async Task<List<SessionView>> ListAsync(Guid? forumId = null, CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var state = await reader.LoadAsync(summitEvent.Id, ct);
        var ids = state.Sessions.Where(s => forumId is null || s.ForumId == forumId).Select(s => s.Id).ToList();
        var sessions = await db.Set<Session>().AsNoTracking().Include(s => s.Items).Include(s => s.Participants).Include(s => s.Equipment).AsSplitQuery().Where(s => ids.Contains(s.Id)).ToListAsync(ct);
        return await ViewsAsync(sessions, state, state.Check(), ct);
    }

    /// <summary>The rooms sessions may be placed in, as the venues module lists them.</summary>
    public async Task<IReadOnlyList<ReservableRoom>> RoomsAsync(CancellationToken ct = default) => await reservations.ListRoomsAsync(ct);

    /// <summary>The venues' equipment stock a session may ask for.</summary>
    public async Task<IReadOnlyList<EquipmentStock>> EquipmentStockAsync(CancellationToken ct = default) => await reservations.ListEquipmentAsync(ct);

    public async Task<SessionView> GetAsync(Guid id, CancellationToken ct = default)
    {
        var session = await FindAsync(id, tracked: false, ct);
        var state = await reader.LoadAsync(session.EventId, ct);
        return (await ViewsAsync([session], state, state.Check(), ct))[0];
    }

    public async Task<SessionView> CreateAsync(SessionInput input, CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var session = new Session { EventId = summitEvent.Id };
        await ApplyAsync(session, input, ct);
        var state = await reader.LoadAsync(summitEvent.Id, ct);
        await GuardAsync(state, session, ct);
        db.Set<Session>().Add(session);
        await audit.RecordAsync(ProgrammeAudit.SessionCreated, "session", session.Id.ToString(),
            AuditLog.Diff(new Dictionary<string, object?>(), Snapshot(session)));
        await db.SaveChangesAsync(ct);
        return await GetAsync(session.Id, ct);
    }

    /// <summary>Changes a session's content; a placed session's booking follows its title, attendance and layout.</summary>
    public async Task<SessionView> UpdateAsync(Guid id, SessionInput input, CancellationToken ct = default)
    {
        var session = await FindAsync(id, tracked: true, ct);
        var candidate = Copy(session);
        await ApplyAsync(candidate, input, ct);
        var state = await reader.LoadAsync(session.EventId, ct);
        await GuardAsync(state, candidate, ct);

        var before = Snapshot(session);
        var bookingChanges = session.BookingId is not null && (session.TitleEn != candidate.TitleEn
            || session.ExpectedAttendance != candidate.ExpectedAttendance || session.Layout != candidate.Layout);
        await ApplyAsync(session, input, ct);
        var changes = AuditLog.Diff(before, Snapshot(session));
        if (changes.Count == 0)
        {
            return await GetAsync(id, ct);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (bookingChanges)
        {
            await HoldRoomAsync(session, state, ct);
        }

        await audit.RecordAsync(ProgrammeAudit.SessionUpdated, "session", session.Id.ToString(), changes);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>Places the session in a room at a time, or moves it there: its booking is made or moved in the same transaction.</summary>
    public async Task<SessionView> PlaceAsync(Guid id, PlacementInput input, CancellationToken ct = default)
    {
        var session = await FindAsync(id, tracked: true, ct);
        var state = await reader.LoadAsync(session.EventId, ct);
        var checks = new FieldChecks(localizer);
        CheckPlacement(checks, state, input.RoomId, input.StartsAt, input.EndsAt, "roomId", "endsAt");
        checks.ThrowIfAny();
        var candidate = Copy(session);
        (candidate.RoomId, candidate.StartsAt, candidate.EndsAt) = (input.RoomId, input.StartsAt.ToUniversalTime(), input.EndsAt.ToUniversalTime());
        AssumeEquipmentHeld(candidate);
        await GuardAsync(state, candidate, ct);

        var before = new Dictionary<string, object?> { ["room"] = RoomCode(state, session.RoomId), ["startsAt"] = session.StartsAt, ["endsAt"] = session.EndsAt };
        var oldBooking = session.BookingId;
        (session.RoomId, session.StartsAt, session.EndsAt) = (candidate.RoomId, candidate.StartsAt, candidate.EndsAt);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await HoldRoomAsync(session, state, ct);
        var changes = AuditLog.Diff(before, new Dictionary<string, object?>
        {
            ["room"] = RoomCode(state, session.RoomId),
            ["startsAt"] = session.StartsAt,
            ["endsAt"] = session.EndsAt,
        });
        changes["booking"] = (oldBooking, session.BookingId);
        await audit.RecordAsync(ProgrammeAudit.SessionPlaced, "session", session.Id.ToString(), changes);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>Takes the session out of the timetable: its booking is cancelled and the room is free again.</summary>
    public async Task<SessionView> UnplaceAsync(Guid id, CancellationToken ct = default)
    {
        var session = await FindAsync(id, tracked: true, ct);
        if (session.RoomId is null && session.BookingId is null)
        {
            return await GetAsync(id, ct);
        }

        var state = await reader.LoadAsync(session.EventId, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (session.BookingId is { } booking)
        {
            await reservations.ReleaseAsync(booking, localizer.Get(Localizer.English, "programme.reason.unplaced"), ct);
        }

        await audit.RecordAsync(ProgrammeAudit.SessionUnplaced, "session", session.Id.ToString(), new Dictionary<string, (object?, object?)>
        {
            ["room"] = (RoomCode(state, session.RoomId), null),
            ["startsAt"] = (session.StartsAt, null),
            ["endsAt"] = (session.EndsAt, null),
            ["booking"] = (session.BookingId, null),
        });
        (session.RoomId, session.StartsAt, session.EndsAt, session.BookingId) = (null, null, null, null);
        foreach (var line in session.Equipment)
        {
            line.Held = 0;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>Replaces the session's running order.</summary>
    public async Task<SessionView> SetItemsAsync(Guid id, IReadOnlyList<ItemInput> items, CancellationToken ct = default)
    {
        var session = await FindAsync(id, tracked: true, ct);
        var checks = new FieldChecks(localizer);
        if (items.Count > ProgrammeLimits.MaxItems)
        {
            checks.Add("items", "programme.field.items", ProgrammeErrors.TooMany, ProgrammeLimits.MaxItems);
        }

        var made = new List<SessionItem>();
        foreach (var (item, position) in items.Select((item, i) => (item, i + 1)))
        {
            var titleEn = checks.Required("items", "programme.field.title_en", item.TitleEn, ProgrammeLimits.TitleLength);
            var titleZh = checks.Required("items", "programme.field.title_zh", item.TitleZh, ProgrammeLimits.TitleLength);
            if (item.Minutes is { } minutes)
            {
                ProgrammeFields.InRange(checks, "items", "programme.field.minutes", minutes, 1, ProgrammeLimits.MaxItemMinutes);
            }

            made.Add(new SessionItem { SessionId = session.Id, Position = position, TitleEn = titleEn, TitleZh = titleZh, Minutes = item.Minutes });
        }

        checks.ThrowIfAny();
        var old = string.Join(" | ", session.Items.OrderBy(i => i.Position).Select(i => i.TitleEn));
        db.Set<SessionItem>().RemoveRange(session.Items);
        db.Set<SessionItem>().AddRange(made);
        await audit.RecordAsync(ProgrammeAudit.SessionItemsChanged, "session", session.Id.ToString(), new Dictionary<string, (object?, object?)>
        {
            ["items"] = (old, string.Join(" | ", made.Select(i => i.TitleEn))),
        });
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>Replaces the session's people; refused when that brings in a conflict whose rule refuses edits (a speaker in two places).</summary>
    public async Task<SessionView> SetParticipantsAsync(Guid id, IReadOnlyList<ParticipantInput> participants, CancellationToken ct = default)
    {
        var session = await FindAsync(id, tracked: true, ct);
        var checks = new FieldChecks(localizer);
        if (participants.Count > ProgrammeLimits.MaxParticipants)
        {
            checks.Add("participants", "programme.field.participants", ProgrammeErrors.TooMany, ProgrammeLimits.MaxParticipants);
        }

        var personIds = participants.Select(p => p.PersonId).Distinct().ToList();
        var known = (await db.Set<ProgrammePerson>().AsNoTracking().Where(p => p.EventId == session.EventId && personIds.Contains(p.Id)).Select(p => p.Id)
            .ToListAsync(ct)).ToHashSet();
        foreach (var p in participants)
        {
            if (!known.Contains(p.PersonId))
            {
                checks.Add("participants", "programme.field.person", ProgrammeErrors.PersonUnknown, p.PersonId);
            }

            ProgrammeFields.Known(checks, "participants", "programme.field.role", p.Role);
            ProgrammeFields.InRange(checks, "participants", "programme.field.protocol_order", p.ProtocolOrder, 1, ProgrammeLimits.MaxProtocolOrder);
        }

        if (participants.GroupBy(p => (p.PersonId, p.Role)).Any(g => g.Count() > 1))
        {
            checks.Add("participants", "programme.field.participants", ProgrammeErrors.ParticipantDuplicate);
        }

        checks.ThrowIfAny();
        var made = participants.Select(p => new SessionParticipant { SessionId = session.Id, PersonId = p.PersonId, Role = p.Role, ProtocolOrder = p.ProtocolOrder })
            .ToList();
        var candidate = Copy(session);
        candidate.Participants = made;
        var state = await reader.LoadAsync(session.EventId, ct);
        await GuardAsync(state, candidate, ct);

        var old = Describe(session.Participants);
        db.Set<SessionParticipant>().RemoveRange(session.Participants);
        db.Set<SessionParticipant>().AddRange(made);
        await audit.RecordAsync(ProgrammeAudit.SessionPeopleChanged, "session", session.Id.ToString(), new Dictionary<string, (object?, object?)>
        {
            ["participants"] = (old, Describe(made)),
        });
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>
    /// Replaces the mobile equipment the session needs (items of the venues' stock with their counts). A placed session's booking takes the
    /// new lines in the same transaction; what the stock cannot give at its time is the rule "equipment missing" (refused only when that
    /// rule refuses edits).
    /// </summary>
    public async Task<SessionView> SetEquipmentAsync(Guid id, IReadOnlyList<EquipmentInput> equipment, CancellationToken ct = default)
    {
        var session = await FindAsync(id, tracked: true, ct);
        var checks = new FieldChecks(localizer);
        if (equipment.Count > ProgrammeLimits.MaxEquipmentLines)
        {
            checks.Add("equipment", "programme.field.equipment", ProgrammeErrors.TooMany, ProgrammeLimits.MaxEquipmentLines);
        }
        else
        {
            var stock = (await reservations.ListEquipmentAsync(ct)).Select(e => e.Id).ToHashSet();
            foreach (var line in equipment)
            {
                if (!stock.Contains(line.ItemId))
                {
                    checks.Add("equipment", "programme.field.equipment", ProgrammeErrors.EquipmentUnknown, line.ItemId);
                }

                ProgrammeFields.InRange(checks, "equipment", "programme.field.quantity", line.Quantity, 1, ProgrammeLimits.MaxEquipmentQuantity);
            }

            if (equipment.GroupBy(l => l.ItemId).Any(g => g.Count() > 1))
            {
                checks.Add("equipment", "programme.field.equipment", ProgrammeErrors.EquipmentDuplicate);
            }
        }

        checks.ThrowIfAny();
        var candidate = Copy(session);
        candidate.Equipment = [.. equipment.Select(l => new SessionEquipment { SessionId = session.Id, ItemId = l.ItemId, Quantity = l.Quantity })];
        AssumeEquipmentHeld(candidate);
        var state = await reader.LoadAsync(session.EventId, ct);
        await GuardAsync(state, candidate, ct);

        var old = DescribeEquipment(session.Equipment);
        // Rows are changed in place (a row deleted and added again under its key would be tracked twice).
        var wanted = equipment.ToDictionary(l => l.ItemId, l => l.Quantity);
        foreach (var row in session.Equipment.ToList())
        {
            if (wanted.Remove(row.ItemId, out var quantity))
            {
                row.Quantity = quantity;
            }
            else
            {
                session.Equipment.Remove(row);
                db.Set<SessionEquipment>().Remove(row);
            }
        }

        session.Equipment.AddRange(wanted.Select(w => new SessionEquipment { SessionId = session.Id, ItemId = w.Key, Quantity = w.Value }));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (session.BookingId is not null && session.RoomId is not null)
        {
            await HoldRoomAsync(session, state, ct);
        }

        await audit.RecordAsync(ProgrammeAudit.SessionEquipmentChanged, "session", session.Id.ToString(), new Dictionary<string, (object?, object?)>
        {
            ["equipment"] = (old, DescribeEquipment(session.Equipment)),
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>Before the venue answers, a placement is judged as if the stock gave all its equipment; the answer is judged once known.</summary>
    private static void AssumeEquipmentHeld(Session candidate)
    {
        foreach (var line in candidate.Equipment)
        {
            line.Held = candidate.RoomId is null ? 0 : line.Quantity;
        }
    }

    private static string DescribeEquipment(IEnumerable<SessionEquipment> lines) =>
        string.Join(", ", lines.OrderBy(l => l.ItemId).Select(l => $"{l.Quantity} × {l.ItemId}"));

    /// <summary>Refuses an edit (programme.edit_blocked, 409) that brings in conflicts whose rule refuses edits, listing them.</summary>
    internal static async Task ThrowIfBlockedAsync(ProgrammeReader reader, ProgrammeState state, IReadOnlyList<ProgrammeConflict> introduced, Session? changed,
        CancellationToken ct)
    {
        var blocking = introduced.Where(c => c.Severity == RuleSeverity.BlockEdit).ToList();
        if (blocking.Count == 0)
        {
            return;
        }

        var views = await reader.DescribeAsync(blocking, state, changed, ct);
        throw new SummitException(SummitError.Conflict(ProgrammeErrors.EditBlocked, views.Count, views[0].Message), new ProgrammeRefusal(views, []));
    }

    private async Task GuardAsync(ProgrammeState state, Session candidate, CancellationToken ct) =>
        await ThrowIfBlockedAsync(reader, state, ProgrammeRules.Introduced(state.Check(), state.Check(candidate)), candidate, ct);

    /// <summary>
    /// Books (or moves the booking of) the session's room and equipment for its time, inside the caller's transaction; a refusal refuses the
    /// edit. Equipment the stock could not give is judged by the rule "equipment missing" with its severity, now that it is known.
    /// </summary>
    private async Task HoldRoomAsync(Session session, ProgrammeState state, CancellationToken ct)
    {
        var outcome = await TryHoldRoomAsync(session, state, ct);
        if (!outcome.Reserved)
        {
            throw RoomRefused(state, session, outcome);
        }

        if (session.Equipment.Any(e => e.Held < e.Quantity))
        {
            await GuardAsync(state, session, ct);
        }
    }

    /// <summary>Books (or moves the booking of) the session's room for its time; the venue's refusal is returned, and nothing is then written.</summary>
    private async Task<ReservationOutcome> TryHoldRoomAsync(Session session, ProgrammeState state, CancellationToken ct)
    {
        var room = state.Rooms[session.RoomId!.Value];
        var capacity = room.CapacityFor(session.Layout);
        // The booking asks for what the room can seat: demand beyond it is the programme's capacity rule to judge, with its severity.
        var attendance = Math.Max(1, capacity > 0 ? Math.Min(session.ExpectedAttendance, capacity) : session.ExpectedAttendance);
        var wanted = session.Equipment.ToDictionary(e => e.ItemId, e => e.Quantity);
        var reservation = new SessionReservation(session.Id, session.TitleEn, room.Id, session.StartsAt!.Value, session.EndsAt!.Value, attendance, session.Layout,
            [.. wanted.Select(w => new ReservedEquipment(w.Key, w.Value))]);
        var outcome = await ReserveOrMoveAsync(session, reservation, ct);
        // The stock short at that time (and nothing else in the way): the room is held with as many units as the stock gives, and the rule
        // "equipment missing" reports the rest with its severity, rather than the venue refusing the placement outright.
        if (!outcome.Reserved && outcome.Conflicts.All(c => c.Kind == "EquipmentShort" && c.WithId is { } item && wanted.ContainsKey(item)))
        {
            foreach (var shortage in outcome.Conflicts)
            {
                wanted[shortage.WithId!.Value] = Math.Min(wanted[shortage.WithId.Value], Math.Max(0, shortage.Available ?? 0));
            }

            outcome = await ReserveOrMoveAsync(session, reservation with
            {
                Equipment = [.. wanted.Where(w => w.Value > 0).Select(w => new ReservedEquipment(w.Key, w.Value))],
            }, ct);
        }

        if (outcome.Reserved)
        {
            session.BookingId = outcome.BookingId;
            foreach (var line in session.Equipment)
            {
                line.Held = wanted[line.ItemId];
            }
        }

        return outcome;
    }

    private async Task<ReservationOutcome> ReserveOrMoveAsync(Session session, SessionReservation reservation, CancellationToken ct) =>
        session.BookingId is { } booking ? await reservations.MoveAsync(booking, reservation, ct) : await reservations.ReserveAsync(reservation, ct);

    /// <summary>A placement names a room of the event and a period that ends after it starts, at most a day long.</summary>
    private static void CheckPlacement(FieldChecks checks, ProgrammeState state, Guid roomId, DateTimeOffset startsAt, DateTimeOffset endsAt, string roomField,
        string periodField)
    {
        if (!state.Rooms.ContainsKey(roomId))
        {
            checks.Add(roomField, "programme.field.room", ProgrammeErrors.RoomUnknown, roomId);
        }

        if (endsAt <= startsAt)
        {
            checks.Add(periodField, "programme.field.ends_at", ProgrammeErrors.PeriodInvalid);
        }
        else if (endsAt - startsAt > ProgrammeLimits.MaxSessionLength)
        {
            checks.Add(periodField, "programme.field.ends_at", ProgrammeErrors.PeriodTooLong, ProgrammeLimits.MaxSessionLength.TotalHours);
        }
    }

    private static SummitException RoomRefused(ProgrammeState state, Session session, ReservationOutcome outcome) =>
        new(SummitError.Conflict(ProgrammeErrors.RoomRefused, state.Rooms[session.RoomId!.Value].Code, outcome.Conflicts.Count, outcome.Conflicts[0].Message),
            new ProgrammeRefusal([], outcome.Conflicts));

    /// <summary>
    /// Places or moves several sessions at once (an accepted schedule), in one transaction: the edit is judged as a whole (only the conflicts
    /// the whole brings in can refuse it), each session's booking is made or moved through the venues contract as a single placement's is,
    /// and each placement is audited. Sessions that trade places are booked in the order that frees their rooms first; a ring of them
    /// that no order frees is booked afresh. A refusal of the venue refuses everything.
    /// </summary>
    public async Task<int> PlaceAllAsync(IReadOnlyList<SessionPlacement> placements, string origin, CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var ids = placements.Select(p => p.SessionId).ToList();
        var sessions = await db.Set<Session>().Include(s => s.Items).Include(s => s.Participants).Include(s => s.Equipment).AsSplitQuery().Where(s => s.EventId == summitEvent.Id && ids.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, ct);
        var state = await reader.LoadAsync(summitEvent.Id, ct);
        var checks = new FieldChecks(localizer);
        foreach (var p in placements)
        {
            if (!sessions.ContainsKey(p.SessionId))
            {
                throw new SummitException(SummitError.NotFound(ProgrammeErrors.SessionNotFound, p.SessionId));
            }

            CheckPlacement(checks, state, p.RoomId, p.StartsAt, p.EndsAt, "moves", "moves");
        }

        checks.ThrowIfAny();
        var candidates = placements.Select(p =>
        {
            var candidate = Copy(sessions[p.SessionId]);
            (candidate.RoomId, candidate.StartsAt, candidate.EndsAt) = (p.RoomId, p.StartsAt.ToUniversalTime(), p.EndsAt.ToUniversalTime());
            AssumeEquipmentHeld(candidate);
            return candidate;
        }).ToList();
        await ThrowIfBlockedAsync(reader, state, ProgrammeRules.Introduced(state.Check(), state.Check(candidates)), null, ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var before = sessions.Values.ToDictionary(s => s.Id, s => (Room: RoomCode(state, s.RoomId), s.StartsAt, s.EndsAt, s.BookingId));
        foreach (var c in candidates)
        {
            (sessions[c.Id].RoomId, sessions[c.Id].StartsAt, sessions[c.Id].EndsAt) = (c.RoomId, c.StartsAt, c.EndsAt);
        }

        var pending = candidates.Select(c => sessions[c.Id]).ToList();
        var progress = true;
        while (pending.Count > 0 && progress)
        {
            progress = false;
            foreach (var session in pending.ToList())
            {
                if ((await TryHoldRoomAsync(session, state, ct)).Reserved)
                {
                    pending.Remove(session);
                    progress = true;
                }
            }
        }

        // A ring of sessions trading rooms: no order frees the first room, so their bookings are cancelled and made afresh.
        foreach (var session in pending.Where(s => s.BookingId is not null))
        {
            await reservations.ReleaseAsync(session.BookingId!.Value, localizer.Get(Localizer.English, "programme.reason.rescheduled"), ct);
            session.BookingId = null;
        }

        foreach (var session in pending)
        {
            var outcome = await TryHoldRoomAsync(session, state, ct);
            if (!outcome.Reserved)
            {
                throw RoomRefused(state, session, outcome);
            }
        }

        // Equipment is taken in the order above, so a session may have found the stock short only for the moment (another still held its
        // kits there before moving away): now that every session is in its new place, the short ones ask for their full lines again.
        foreach (var session in sessions.Values.Where(s => s.Equipment.Any(e => e.Held < e.Quantity)).ToList())
        {
            await TryHoldRoomAsync(session, state, ct);
        }

        if (sessions.Values.Any(s => s.Equipment.Any(e => e.Held < e.Quantity)))
        {
            // Now that the stock's answer is known, equipment it could not give is judged with the rule's severity.
            await ThrowIfBlockedAsync(reader, state, ProgrammeRules.Introduced(state.Check(), state.Check([.. sessions.Values])), null, ct);
        }

        foreach (var session in sessions.Values)
        {
            var was = before[session.Id];
            var changes = AuditLog.Diff(new Dictionary<string, object?> { ["room"] = was.Room, ["startsAt"] = was.StartsAt, ["endsAt"] = was.EndsAt },
                new Dictionary<string, object?> { ["room"] = RoomCode(state, session.RoomId), ["startsAt"] = session.StartsAt, ["endsAt"] = session.EndsAt });
            changes["booking"] = (was.BookingId, session.BookingId);
            changes["by"] = (null, origin);
            await audit.RecordAsync(ProgrammeAudit.SessionPlaced, "session", session.Id.ToString(), changes);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return sessions.Count;
    }

    private async Task<Session> FindAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var query = db.Set<Session>().Include(s => s.Items).Include(s => s.Participants).Include(s => s.Equipment).AsSplitQuery().Where(s => s.Id == id && s.EventId == summitEvent.Id);
        return await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(ct)
            ?? throw new SummitException(SummitError.NotFound(ProgrammeErrors.SessionNotFound, id));
    }

    private async Task ApplyAsync(Session session, SessionInput input, CancellationToken ct)
    {
        var checks = new FieldChecks(localizer);
        if (!await db.Set<Forum>().AnyAsync(f => f.Id == input.ForumId && f.EventId == session.EventId, ct))
        {
            checks.Add("forumId", "programme.field.forum", ProgrammeErrors.ForumUnknown, input.ForumId);
        }

        ProgrammeFields.Known(checks, "kind", "programme.field.kind", input.Kind);
        ProgrammeFields.Known(checks, "format", "programme.field.format", input.Format);
        ProgrammeFields.Known(checks, "layout", "programme.field.layout", input.Layout);
        var titleEn = checks.Required("titleEn", "programme.field.title_en", input.TitleEn, ProgrammeLimits.TitleLength);
        var titleZh = checks.Required("titleZh", "programme.field.title_zh", input.TitleZh, ProgrammeLimits.TitleLength);
        var abstractEn = ProgrammeFields.Optional(checks, "abstractEn", "programme.field.abstract_en", input.AbstractEn, ProgrammeLimits.AbstractLength);
        var abstractZh = ProgrammeFields.Optional(checks, "abstractZh", "programme.field.abstract_zh", input.AbstractZh, ProgrammeLimits.AbstractLength);
        var language = checks.Required("language", "programme.field.language", input.Language, ProgrammeLimits.LanguageLength);
        if (language.Length > 0 && !ProgrammeFields.IsLanguage(language))
        {
            checks.Add("language", "programme.field.language", ProgrammeErrors.LanguageInvalid, language);
        }

        var channels = ProgrammeFields.Languages(checks, "channels", "programme.field.channels", input.Channels);
        var link = ProgrammeFields.Optional(checks, "joinLink", "programme.field.join_link", input.JoinLink, ProgrammeLimits.LinkLength);
        if (link.Length > 0 && !ProgrammeFields.IsJoinLink(link))
        {
            checks.Add("joinLink", "programme.field.join_link", ProgrammeErrors.LinkInvalid);
        }
        else if (link.Length > 0 && input.Format == SessionFormat.InPerson)
        {
            checks.Add("joinLink", "programme.field.join_link", ProgrammeErrors.JoinLinkInPerson);
        }

        ProgrammeFields.InRange(checks, "expectedAttendance", "programme.field.attendance", input.ExpectedAttendance, 0, ProgrammeLimits.MaxAttendance);
        checks.ThrowIfAny();
        session.ForumId = input.ForumId;
        session.Kind = input.Kind;
        (session.TitleEn, session.TitleZh, session.AbstractEn, session.AbstractZh) = (titleEn, titleZh, abstractEn, abstractZh);
        (session.Language, session.Channels, session.Format, session.JoinLink) = (language, channels, input.Format, link.Length > 0 ? link : null);
        session.JoinLinkPublic = link.Length > 0 && input.JoinLinkPublic;
        (session.ExpectedAttendance, session.Layout, session.SortOrder) = (input.ExpectedAttendance, input.Layout, input.SortOrder);
        session.RegistrationRequired = input.RegistrationRequired;
    }

    private static Session Copy(Session s) => new()
    {
        Id = s.Id,
        EventId = s.EventId,
        ForumId = s.ForumId,
        Kind = s.Kind,
        TitleEn = s.TitleEn,
        TitleZh = s.TitleZh,
        AbstractEn = s.AbstractEn,
        AbstractZh = s.AbstractZh,
        Language = s.Language,
        Channels = s.Channels,
        Format = s.Format,
        JoinLink = s.JoinLink,
        JoinLinkPublic = s.JoinLinkPublic,
        ExpectedAttendance = s.ExpectedAttendance,
        Layout = s.Layout,
        RoomId = s.RoomId,
        StartsAt = s.StartsAt,
        EndsAt = s.EndsAt,
        BookingId = s.BookingId,
        SortOrder = s.SortOrder,
        RegistrationRequired = s.RegistrationRequired,
        Participants = [.. s.Participants],
        Equipment = [.. s.Equipment.Select(e => new SessionEquipment { SessionId = e.SessionId, ItemId = e.ItemId, Quantity = e.Quantity, Held = e.Held })],
    };

    private static string? RoomCode(ProgrammeState state, Guid? roomId) => roomId is { } id && state.Rooms.TryGetValue(id, out var room) ? room.Code : null;

    private static string Describe(IEnumerable<SessionParticipant> participants) =>
        string.Join(", ", participants.OrderBy(p => p.Role).ThenBy(p => p.ProtocolOrder).Select(p => $"{p.Role} {p.ProtocolOrder} {p.PersonId}"));

    private static Dictionary<string, object?> Snapshot(Session s) => new()
    {
        ["forumId"] = s.ForumId,
        ["kind"] = s.Kind,
        ["titleEn"] = s.TitleEn,
        ["titleZh"] = s.TitleZh,
        ["abstractEn"] = s.AbstractEn,
        ["abstractZh"] = s.AbstractZh,
        ["language"] = s.Language,
        ["channels"] = s.Channels,
        ["format"] = s.Format,
        ["joinLink"] = s.JoinLink,
        ["joinLinkPublic"] = s.JoinLinkPublic,
        ["expectedAttendance"] = s.ExpectedAttendance,
        ["layout"] = s.Layout,
        ["sortOrder"] = s.SortOrder,
        ["registrationRequired"] = s.RegistrationRequired,
    };

    private async Task<List<SessionView>> ViewsAsync(IReadOnlyList<Session> sessions, ProgrammeState state, IReadOnlyList<ProgrammeConflict> conflicts,
        CancellationToken ct)
    {
        var personIds = sessions.SelectMany(s => s.Participants).Select(p => p.PersonId).ToHashSet();
        var people = await db.Set<ProgrammePerson>().AsNoTracking().Where(p => personIds.Contains(p.Id)).ToListAsync(ct);
        var names = await reader.NamesAsync(people, ct);
        var guestIds = people.Where(p => p.GuestId is not null).Select(p => p.Id).ToHashSet();
        var mine = conflicts.Where(c => sessions.Any(s => c.Involves(s.Id))).ToList();
        var described = await reader.DescribeAsync(mine, state, null, ct);
        var stock = sessions.Any(s => s.Equipment.Count > 0) ? (await reservations.ListEquipmentAsync(ct)).ToDictionary(e => e.Id) : [];
        return [.. sessions.OrderBy(s => s.StartsAt is null).ThenBy(s => s.StartsAt).ThenBy(s => s.SortOrder).ThenBy(s => s.TitleEn, StringComparer.Ordinal)
            .Select(s =>
            {
                var room = s.RoomId is { } r ? state.Rooms.GetValueOrDefault(r) : null;
                return new SessionView(s.Id, s.ForumId, s.Kind, s.TitleEn, s.TitleZh, s.AbstractEn, s.AbstractZh, s.Language, s.ChannelList, s.Format, s.JoinLink, s.JoinLinkPublic,
                    s.ExpectedAttendance, s.Layout, s.RoomId, room?.Code, room?.VenueId, s.StartsAt, s.EndsAt, s.BookingId, s.SortOrder,
                    [.. s.Items.OrderBy(i => i.Position).Select(i => new ItemView(i.Id, i.Position, i.TitleEn, i.TitleZh, i.Minutes))],
                    [.. s.Participants.OrderBy(p => p.Role).ThenBy(p => p.ProtocolOrder).Select(p => new ParticipantView(p.Id, p.PersonId, p.Role, p.ProtocolOrder,
                        names.TryGetValue(p.PersonId, out var who) ? who.Name : "?", names.TryGetValue(p.PersonId, out var at) ? at.Organisation : "",
                        guestIds.Contains(p.PersonId)))],
                    [.. described.Where(c => c.SessionId == s.Id || c.OtherSessionId == s.Id)],
                    [.. s.Equipment.OrderBy(e => stock.TryGetValue(e.ItemId, out var i) ? i.NameEn : "", StringComparer.Ordinal).Select(e => new EquipmentView(e.ItemId,
                        stock.TryGetValue(e.ItemId, out var item) ? item.NameEn : "?", item?.NameZh ?? "?", e.Quantity, e.Held))], s.RegistrationRequired);
            })];
    }
}
