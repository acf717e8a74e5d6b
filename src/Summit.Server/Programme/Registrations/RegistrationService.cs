using Microsoft.EntityFrameworkCore;
using Summit.Server.Events.Contracts;
using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Programme.Registrations;

/// <summary>
/// Staff's side of a session's registrations (programme managers, checked by the API and the page): who is seated and waiting (a read of
/// guests' names, audited), registering a guest from the session's page and cancelling a registration, by the same rules as the portal
/// (<see cref="RegistrationBook"/>).
/// </summary>
public sealed class RegistrationService(SummitDbContext db, IEventCalendar events, IGuestDirectory guests, RegistrationBook book, AuditLog audit)
{
    /// <summary>The guests who may register: those the guests module lists as registered, approved, accredited or arrived.</summary>
    public static readonly GuestStatus[] Eligible = [GuestStatus.Registered, GuestStatus.Approved, GuestStatus.Accredited, GuestStatus.Arrived];

    public async Task<SessionRegistrationsView> ListAsync(Guid sessionId, CancellationToken ct = default)
    {
        var session = await FindAsync(sessionId, ct);
        var list = await db.Set<SessionRegistration>().AsNoTracking().Where(r => r.SessionId == sessionId).ToListAsync(ct);
        var cards = (await guests.GetCardsAsync([.. list.Select(r => r.GuestId)], ct)).ToDictionary(c => c.Id);
        await audit.RecordReadAsync(ProgrammeAudit.RegistrationsRead, "session", sessionId.ToString());
        var ordered = list.OrderBy(r => r.State).ThenBy(r => r.RegisteredAt).ThenBy(r => r.Id).ToList();
        var waiting = 0;
        return new SessionRegistrationsView(session.Id, session.RegistrationRequired, await book.SeatsAsync(session, ct),
            list.Count(r => r.State == RegistrationState.Seated), list.Count(r => r.State == RegistrationState.Waiting),
            [.. ordered.Select(r => new RegistrationView(r.GuestId, cards.TryGetValue(r.GuestId, out var card) ? card.Name : "?", card?.Organisation ?? "", r.State,
                r.State == RegistrationState.Waiting ? ++waiting : null, r.RegisteredAt, r.ByStaff))]);
    }

    /// <summary>Registers a guest of the event for the session (a seat, or the waiting list); a guest not (or no longer) registered for the event is refused.</summary>
    public async Task<SessionRegistrationsView> RegisterAsync(Guid sessionId, RegistrationInput input, CancellationToken ct = default)
    {
        var session = await FindAsync(sessionId, ct);
        var card = (await guests.GetCardsAsync([input.GuestId], ct)).FirstOrDefault();
        if (card is null || !Eligible.Contains(card.Status))
        {
            throw new SummitException(SummitError.Of(ProgrammeErrors.RegistrationGuestUnknown, input.GuestId));
        }

        await book.RegisterAsync(session, input.GuestId, byStaff: true, ct);
        return await ListAsync(sessionId, ct);
    }

    /// <summary>Cancels a guest's registration; a seat given up goes to the first guest waiting, who is told by mail.</summary>
    public async Task<SessionRegistrationsView> CancelAsync(Guid sessionId, Guid guestId, CancellationToken ct = default)
    {
        var session = await FindAsync(sessionId, ct);
        await book.CancelAsync(session, guestId, ct);
        return await ListAsync(sessionId, ct);
    }

    private async Task<Session> FindAsync(Guid id, CancellationToken ct)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        return await db.Set<Session>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.EventId == summitEvent.Id, ct)
            ?? throw new SummitException(SummitError.NotFound(ProgrammeErrors.SessionNotFound, id));
    }
}
