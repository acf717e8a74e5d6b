using Microsoft.EntityFrameworkCore;
using Summit.Server.Events.Contracts;
using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Venues.Contracts;

namespace Summit.Server.Programme.Registrations;

/// <summary>
/// Seats and waiting lists of sessions that require registration, decided in one place for the guest's portal and for staff: a guest
/// registering gets a seat while the placed room (in the session's layout) has seats left, otherwise the next place on the waiting list,
/// first come first served; cancelling a seat gives it to the first waiting guest, who is told by mail in their language. Each change runs
/// in a transaction that holds the session (on PostgreSQL its row is locked; SQLite's transactions hold the database's write lock), so two
/// guests cannot take the last seat at once. Every change is audited; the caller sets who acts.
/// </summary>
public sealed class RegistrationBook(SummitDbContext db, IRoomReservations reservations, IGuestDirectory guests, IEventCalendar events, AuditLog audit,
    Localizer localizer, TimeProvider clock)
{
    /// <summary>The kind of the mail a promoted guest gets.</summary>
    public const string PromotedMail = "programme.registration_promoted";

    /// <summary>Registers the guest (nothing changes when they are registered already) and returns their registration.</summary>
    public async Task<SessionRegistration> RegisterAsync(Session session, Guid guestId, bool byStaff, CancellationToken ct)
    {
        if (!session.RegistrationRequired)
        {
            throw new SummitException(SummitError.Conflict(ProgrammeErrors.RegistrationNotRequired));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await HoldAsync(session.Id, ct);
        var registrations = db.Set<SessionRegistration>();
        if (await registrations.FirstOrDefaultAsync(r => r.SessionId == session.Id && r.GuestId == guestId, ct) is { } existing)
        {
            return existing;
        }

        if (await registrations.CountAsync(r => r.EventId == session.EventId && r.GuestId == guestId, ct) >= ProgrammeLimits.MaxRegistrations)
        {
            throw new SummitException(SummitError.Conflict(ProgrammeErrors.RegistrationsFull, ProgrammeLimits.MaxRegistrations));
        }

        var seats = await SeatsAsync(session, ct);
        var seated = await registrations.CountAsync(r => r.SessionId == session.Id && r.State == RegistrationState.Seated, ct);
        var state = seated < seats ? RegistrationState.Seated : RegistrationState.Waiting;
        if (state == RegistrationState.Waiting
            && await registrations.CountAsync(r => r.SessionId == session.Id && r.State == RegistrationState.Waiting, ct) >= ProgrammeLimits.MaxWaiting)
        {
            throw new SummitException(SummitError.Conflict(ProgrammeErrors.WaitingListFull, ProgrammeLimits.MaxWaiting));
        }

        var registration = new SessionRegistration
        {
            EventId = session.EventId,
            SessionId = session.Id,
            GuestId = guestId,
            State = state,
            RegisteredAt = clock.GetUtcNow(),
            ByStaff = byStaff,
        };
        registrations.Add(registration);
        await audit.RecordAsync(ProgrammeAudit.RegistrationAdded, "session", session.Id.ToString(), new Dictionary<string, (object?, object?)>
        {
            ["guest"] = (null, guestId),
            ["state"] = (null, state),
            ["byStaff"] = (null, byStaff),
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return registration;
    }

    /// <summary>
    /// Cancels the guest's registration (nothing changes when there is none). A seat given up goes to the first guest waiting, while the room
    /// has seats for them, who is told by mail; returns that guest, if any.
    /// </summary>
    public async Task<Guid?> CancelAsync(Session session, Guid guestId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await HoldAsync(session.Id, ct);
        var registration = await db.Set<SessionRegistration>().FirstOrDefaultAsync(r => r.SessionId == session.Id && r.GuestId == guestId, ct);
        if (registration is null)
        {
            return null;
        }

        var promoted = await RemoveAsync(session, [registration], namingGuests: true, promote: true, ct);
        await transaction.CommitAsync(ct);
        return promoted.Count > 0 ? promoted[0] : null;
    }

    /// <summary>
    /// The privacy module's erasure of guests (in its transaction): deletes their registrations, each audited as a cancellation that does not
    /// name them; with <paramref name="promote"/>, the seats they held go to the first guests waiting (not erased), told by mail, as on a
    /// cancellation. Returns how many registrations went.
    /// </summary>
    public async Task<int> EraseAsync(IReadOnlyCollection<Guid> guestIds, bool promote, CancellationToken ct)
    {
        var found = await db.Set<SessionRegistration>().Where(r => guestIds.Contains(r.GuestId)).ToListAsync(ct);
        foreach (var sessionId in found.Select(r => r.SessionId).Distinct().Order())
        {
            await HoldAsync(sessionId, ct);
            var session = await db.Set<Session>().AsNoTracking().FirstAsync(s => s.Id == sessionId, ct);
            await RemoveAsync(session, [.. found.Where(r => r.SessionId == sessionId)], namingGuests: false, promote, ct);
        }

        return found.Count;
    }

    /// <summary>
    /// Removes registrations of one session (the caller holds it in a transaction), audited; each seat freed goes to the first guest waiting
    /// while the room has seats for them. Returns the guests promoted.
    /// </summary>
    private async Task<List<Guid>> RemoveAsync(Session session, IReadOnlyList<SessionRegistration> removed, bool namingGuests, bool promote, CancellationToken ct)
    {
        var registrations = db.Set<SessionRegistration>();
        foreach (var registration in removed)
        {
            registrations.Remove(registration);
            // An erased guest is not named: the entry says a registration went, in which state, and why.
            await audit.RecordAsync(ProgrammeAudit.RegistrationCancelled, "session", session.Id.ToString(), namingGuests
                ? new Dictionary<string, (object?, object?)> { ["guest"] = (registration.GuestId, null), ["state"] = (registration.State, null) }
                : new Dictionary<string, (object?, object?)> { ["state"] = (registration.State, null), ["erased"] = (null, true) });
        }

        await db.SaveChangesAsync(ct);

        var promoted = new List<Guid>();
        var freed = promote ? removed.Count(r => r.State == RegistrationState.Seated) : 0;
        if (freed == 0)
        {
            return promoted;
        }

        var seats = await SeatsAsync(session, ct);
        var seated = await registrations.CountAsync(r => r.SessionId == session.Id && r.State == RegistrationState.Seated, ct);
        var waiting = await registrations.Where(r => r.SessionId == session.Id && r.State == RegistrationState.Waiting).OrderBy(r => r.RegisteredAt)
            .ThenBy(r => r.Id).Take(Math.Max(0, Math.Min(freed, seats - seated))).ToListAsync(ct);
        foreach (var first in waiting)
        {
            first.State = RegistrationState.Seated;
            promoted.Add(first.GuestId);
            await audit.RecordAsync(ProgrammeAudit.RegistrationPromoted, "session", session.Id.ToString(), new Dictionary<string, (object?, object?)>
            {
                ["guest"] = (first.GuestId, first.GuestId),
                ["state"] = (RegistrationState.Waiting, RegistrationState.Seated),
            });
            await TellPromotedAsync(session, first.GuestId, ct);
        }

        await db.SaveChangesAsync(ct);
        return promoted;
    }

    /// <summary>The seats a session offers: what its placed room seats in its layout (an unplaced session has none yet: everyone waits).</summary>
    public async Task<int> SeatsAsync(Session session, CancellationToken ct) =>
        session.RoomId is { } roomId && (await reservations.ListRoomsAsync(ct)).FirstOrDefault(r => r.Id == roomId) is { } room ? room.CapacityFor(session.Layout) : 0;

    /// <summary>The guest's place on the session's waiting list (1: next), or null when they wait for nothing.</summary>
    public async Task<int?> WaitingPositionAsync(SessionRegistration registration, CancellationToken ct) =>
        registration.State != RegistrationState.Waiting ? null
            : 1 + await db.Set<SessionRegistration>().CountAsync(r => r.SessionId == registration.SessionId && r.State == RegistrationState.Waiting
                && (r.RegisteredAt < registration.RegisteredAt || (r.RegisteredAt == registration.RegisteredAt && r.Id.CompareTo(registration.Id) < 0)), ct);

    /// <summary>Queues the mail that tells a guest a seat is theirs now, in their language, through the guests module (with the caller's save).</summary>
    private async Task TellPromotedAsync(Session session, Guid guestId, CancellationToken ct)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var zone = await events.TimeZoneAsync(ct);
        GuestNoticeText Compose(string language)
        {
            var title = language == Localizer.Chinese ? session.TitleZh : session.TitleEn;
            var name = language == Localizer.Chinese ? summitEvent.NameZh : summitEvent.Name;
            var when = session.StartsAt is { } start ? EventTime.Format(start, zone) : localizer.Get(language, "programme.registration.mail_unplaced");
            return new GuestNoticeText(localizer.Format(language, "programme.registration.mail_subject", name, title),
                [localizer.Format(language, "programme.registration.mail_body", title, when), localizer.Get(language, "programme.registration.mail_cancel")]);
        }

        await guests.QueueNoticeAsync(guestId, null, PromotedMail, Compose, ct);
    }

    /// <summary>Holds the session until the transaction ends, so that seats are counted by one registration at a time.</summary>
    private async Task HoldAsync(Guid sessionId, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM \"ProgrammeSessions\" WHERE \"Id\" = {sessionId} FOR UPDATE", ct);
        }
    }
}
