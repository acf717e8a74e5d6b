using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QRCoder;
using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Mail;
using Summit.Server.Infrastructure.Security;
using Summit.Server.Programme.Registrations;
using Summit.Server.Programme.Releases;
using Summit.Server.Programme.Timetable;

namespace Summit.Server.Programme.Agenda;

/// <summary>
/// A guest's personal agenda in the portal (issue 13), reached only through the guest's invitation token, which every operation checks again
/// through the guests module's contract: the sessions of the latest release the guest chose (at most <see cref="ProgrammeLimits.MaxAgendaChoices"/>)
/// and those the guest appears in, the clashes among them, and the guest's calendar feed, made, renewed and revoked here.
/// </summary>
[OpenToTokenHolders]
public sealed class AgendaService(
    SummitDbContext db,
    IPortalGuests portal,
    AgendaReader agendas,
    ReleaseReader releases,
    ProgrammeReader reader,
    AuditLog audit,
    CurrentActor actor,
    IOptions<MailOptions> mail,
    TimeProvider clock,
    RegistrationBook registrations)
{
    public async Task<AgendaView> GetAsync(string token, CancellationToken ct = default)
    {
        var guest = await GuestAsync(token, ct);
        return await ViewAsync(guest, ct);
    }

    /// <summary>Adds a session of the latest release; a clash is shown, not refused. Adding a session already chosen changes nothing.</summary>
    public async Task<AgendaView> AddAsync(string token, Guid sessionId, CancellationToken ct = default)
    {
        var guest = await GuestAsync(token, ct);
        var release = await releases.LatestAsync(guest.EventId, ct) ?? throw new SummitException(SummitError.NotFound(ProgrammeErrors.NotReleased));
        var session = ReleaseReader.Read(release).Sessions.FirstOrDefault(s => s.Id == sessionId)
            ?? throw new SummitException(SummitError.NotFound(ProgrammeErrors.AgendaSessionUnknown, sessionId));
        var choices = db.Set<AgendaChoice>().Where(c => c.GuestId == guest.GuestId && c.EventId == guest.EventId);
        if (!await choices.AnyAsync(c => c.SessionId == sessionId, ct))
        {
            if (await choices.CountAsync(ct) >= ProgrammeLimits.MaxAgendaChoices)
            {
                throw new SummitException(SummitError.Conflict(ProgrammeErrors.AgendaFull, ProgrammeLimits.MaxAgendaChoices));
            }

            db.Add(new AgendaChoice
            {
                EventId = guest.EventId,
                GuestId = guest.GuestId,
                SessionId = sessionId,
                ChosenAt = clock.GetUtcNow(),
                ReleaseNumber = release.Number,
                StartsAt = session.StartsAt.ToUniversalTime(),
                RoomId = session.RoomId,
            });
            await ActAsGuestAsync(guest);
            await audit.RecordAsync(ProgrammeAudit.AgendaSessionAdded, "guest", guest.GuestId.ToString(),
                new Dictionary<string, (object?, object?)> { ["session"] = (null, sessionId) });
            await db.SaveChangesAsync(ct);
        }

        return await ViewAsync(guest, ct);
    }

    /// <summary>Takes a chosen session out of the agenda (a moved or cancelled one too); one not chosen changes nothing.</summary>
    public async Task<AgendaView> RemoveAsync(string token, Guid sessionId, CancellationToken ct = default)
    {
        var guest = await GuestAsync(token, ct);
        var choice = await db.Set<AgendaChoice>().FirstOrDefaultAsync(c => c.GuestId == guest.GuestId && c.SessionId == sessionId && c.EventId == guest.EventId, ct);
        if (choice is not null)
        {
            db.Remove(choice);
            await ActAsGuestAsync(guest);
            await audit.RecordAsync(ProgrammeAudit.AgendaSessionRemoved, "guest", guest.GuestId.ToString(),
                new Dictionary<string, (object?, object?)> { ["session"] = (sessionId, null) });
            await db.SaveChangesAsync(ct);
        }

        return await ViewAsync(guest, ct);
    }

    /// <summary>
    /// Registers the guest for a session of the latest release that requires registration: a seat while the room has seats left, otherwise the
    /// waiting list. Registering again changes nothing.
    /// </summary>
    public async Task<AgendaView> RegisterAsync(string token, Guid sessionId, CancellationToken ct = default)
    {
        var guest = await GuestAsync(token, ct);
        var session = await ReleasedSessionAsync(guest, sessionId, ct);
        await ActAsGuestAsync(guest);
        await registrations.RegisterAsync(session, guest.GuestId, byStaff: false, ct);
        return await ViewAsync(guest, ct);
    }

    /// <summary>Cancels the guest's registration; a seat given up goes to the first guest waiting, who is told by mail.</summary>
    public async Task<AgendaView> CancelRegistrationAsync(string token, Guid sessionId, CancellationToken ct = default)
    {
        var guest = await GuestAsync(token, ct);
        var session = await db.Set<Session>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId && s.EventId == guest.EventId, ct)
            ?? throw new SummitException(SummitError.NotFound(ProgrammeErrors.AgendaSessionUnknown, sessionId));
        await ActAsGuestAsync(guest);
        await registrations.CancelAsync(session, guest.GuestId, ct);
        return await ViewAsync(guest, ct);
    }

    /// <summary>A session of the latest release, as the draft has it now (registration and seats are the draft's).</summary>
    private async Task<Session> ReleasedSessionAsync(PortalGuest guest, Guid sessionId, CancellationToken ct)
    {
        var release = await releases.LatestAsync(guest.EventId, ct) ?? throw new SummitException(SummitError.NotFound(ProgrammeErrors.NotReleased));
        var inRelease = ReleaseReader.Read(release).Sessions.Any(s => s.Id == sessionId);
        return (inRelease ? await db.Set<Session>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId && s.EventId == guest.EventId, ct) : null)
            ?? throw new SummitException(SummitError.NotFound(ProgrammeErrors.AgendaSessionUnknown, sessionId));
    }

    /// <summary>
    /// Makes the guest's calendar feed, or a new one in place of the old (whose address stops working at once). The key is returned here
    /// once; only its hash is kept.
    /// </summary>
    public async Task<AgendaFeedLink> RenewFeedAsync(string token, CancellationToken ct = default)
    {
        var guest = await GuestAsync(token, ct);
        var old = await db.Set<AgendaFeed>().Where(f => f.GuestId == guest.GuestId && f.EventId == guest.EventId).ToListAsync(ct);
        db.RemoveRange(old);
        if (old.Count > 0)
        {
            // The unique index (event, guest) must see the old row gone before the new one comes.
            await db.SaveChangesAsync(ct);
        }

        var key = Tokens.NewToken();
        var feed = new AgendaFeed { EventId = guest.EventId, GuestId = guest.GuestId, KeyHash = Tokens.Hash(key), CreatedAt = clock.GetUtcNow() };
        db.Add(feed);
        await ActAsGuestAsync(guest);
        await audit.RecordAsync(old.Count > 0 ? ProgrammeAudit.AgendaFeedRenewed : ProgrammeAudit.AgendaFeedCreated, "guest", guest.GuestId.ToString());
        await db.SaveChangesAsync(ct);
        var url = $"{mail.Value.PublicBaseUrl.TrimEnd('/')}/api/v1/agenda/{feed.Id}/{key}/agenda.ics";
        var webcal = "webcal://" + url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..];
        return new AgendaFeedLink(url, webcal, feed.CreatedAt, PngByteQRCodeHelper.GetQRCode(url, QRCodeGenerator.ECCLevel.M, 6));
    }

    /// <summary>Deletes the guest's calendar feed: its address answers 404 from now on.</summary>
    public async Task<AgendaView> RevokeFeedAsync(string token, CancellationToken ct = default)
    {
        var guest = await GuestAsync(token, ct);
        var feeds = await db.Set<AgendaFeed>().Where(f => f.GuestId == guest.GuestId && f.EventId == guest.EventId).ToListAsync(ct);
        if (feeds.Count > 0)
        {
            db.RemoveRange(feeds);
            await ActAsGuestAsync(guest);
            await audit.RecordAsync(ProgrammeAudit.AgendaFeedRevoked, "guest", guest.GuestId.ToString());
            await db.SaveChangesAsync(ct);
        }

        return await ViewAsync(guest, ct);
    }

    /// <summary>The token's guest, once registered: an invited guest has no agenda yet, a rejected or withdrawn one none any more.</summary>
    private async Task<PortalGuest> GuestAsync(string token, CancellationToken ct)
    {
        var guest = await portal.ResolveAsync(token, ct);
        if (guest.Status is GuestStatus.Invited or GuestStatus.Rejected or GuestStatus.Withdrawn)
        {
            throw new SummitException(SummitError.Conflict(ProgrammeErrors.AgendaClosed));
        }

        return guest;
    }

    private async Task ActAsGuestAsync(PortalGuest guest) =>
        actor.Use(new Actor($"guest:{guest.GuestId}", $"guest {guest.GuestId}", (await actor.GetAsync()).IpAddress));

    private async Task<AgendaView> ViewAsync(PortalGuest guest, CancellationToken ct)
    {
        var release = await releases.LatestAsync(guest.EventId, ct);
        var feed = await db.Set<AgendaFeed>().AsNoTracking().Where(f => f.GuestId == guest.GuestId && f.EventId == guest.EventId)
            .Select(f => (DateTimeOffset?)f.CreatedAt).FirstOrDefaultAsync(ct);
        var zone = await agendas.TimeZoneIdAsync(guest.EventId, ct);
        if (release is null)
        {
            return new AgendaView(0, zone, [], [], [], 0, ProgrammeLimits.MaxAgendaChoices, feed, guest.TimeZoneId);
        }

        var snapshot = ReleaseReader.Read(release);
        var entries = await agendas.EntriesAsync(guest.EventId, guest.GuestId, snapshot, ct);
        var settings = await reader.SettingsAsync(guest.EventId, ct);
        var inAgenda = entries.Select(e => e.SessionId).ToHashSet();
        var offered = snapshot.Sessions.Select(s => s.Id).ToList();
        var required = await db.Set<Session>().AsNoTracking().Where(s => s.EventId == guest.EventId && s.RegistrationRequired && offered.Contains(s.Id)).ToListAsync(ct);
        var requiredIds = required.Select(s => s.Id).ToList();
        var mine = await db.Set<SessionRegistration>().AsNoTracking().Where(r => r.GuestId == guest.GuestId && requiredIds.Contains(r.SessionId))
            .ToDictionaryAsync(r => r.SessionId, ct);
        var seated = await db.Set<SessionRegistration>().AsNoTracking().Where(r => requiredIds.Contains(r.SessionId) && r.State == RegistrationState.Seated)
            .GroupBy(r => r.SessionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var seatsLeft = new Dictionary<Guid, int>();
        var positions = new Dictionary<Guid, int?>();
        foreach (var session in required)
        {
            seatsLeft[session.Id] = Math.Max(0, await registrations.SeatsAsync(session, ct) - seated.GetValueOrDefault(session.Id));
            positions[session.Id] = mine.TryGetValue(session.Id, out var registration) ? await registrations.WaitingPositionAsync(registration, ct) : null;
        }

        var offers = snapshot.Sessions.OrderBy(s => s.StartsAt).ThenBy(s => s.RoomCode).Select(s => new AgendaOffer(s.Id, s.TitleEn, s.TitleZh, s.StartsAt,
            s.EndsAt, s.RoomNameEn, s.RoomNameZh, s.VenueNameEn, s.VenueNameZh, inAgenda.Contains(s.Id), seatsLeft.ContainsKey(s.Id),
            mine.TryGetValue(s.Id, out var r) ? r.State : null, positions.GetValueOrDefault(s.Id), seatsLeft.GetValueOrDefault(s.Id))).ToList();
        return new AgendaView(release.Number, zone, entries, AgendaClashes.Find(entries, settings.TravelBetween), offers, entries.Count(e => e.Chosen),
            ProgrammeLimits.MaxAgendaChoices, feed, guest.TimeZoneId);
    }
}
