using Microsoft.EntityFrameworkCore;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Privacy.Contracts;
using Summit.Server.Programme.Registrations;

namespace Summit.Server.Programme.PersonalData;

/// <summary>
/// The programme's part of privacy requests and the purge (docs/adr/0038). It holds two kinds of people:
/// <list type="bullet">
/// <item>guests (the Guests module's subjects): their agenda (the sessions they chose, when, from which release), whether they have a calendar
/// feed (never its key, which is not kept), and, for a speaker, their place in sessions and availability windows;</item>
/// <item>remote speakers, who are no guest: this module is where they are known, so it answers <see cref="IDataSubjects"/> for them (an officer
/// finds one by name or address), and holds their name, organisation, country, address, availability and sessions.</item>
/// </list>
/// Erasure deletes the agenda, the feed and the availability windows, and makes the programme person anonymous (no name, organisation, country,
/// address or guest id; <see cref="ProgrammePerson.ErasedAt"/> set): the person stays in their sessions, shown as "Speaker withdrawn", so the
/// draft, the released versions (which name people by id) and the rules keep their shape. The purge erases the remote speakers with the guests,
/// since <see cref="OfEventAsync"/> lists them among the event's people.
/// A guest's registrations for sessions are theirs too: the copy lists them (seated or waiting, with the place), erasure deletes them through
/// <see cref="RegistrationBook"/>, so that a seat an erased guest held goes to the first guest waiting as on a cancellation.
/// </summary>
public sealed class ProgrammePersonalData(SummitDbContext db, RegistrationBook registrationBook) : IPersonalDataHolder, IDataSubjects
{
    public const string AreaName = "programme";

    /// <summary>The audit trail's entity type for a programme person (PersonService writes it), and the actor prefix a remote speaker would act under.</summary>
    public const string AuditEntityType = "programme_person";

    public const string Status = "RemoteSpeaker";

    public string Area => AreaName;

    public async Task<DataSubject?> FindAsync(Guid personId, CancellationToken ct)
    {
        var person = await RemoteSpeakers().FirstOrDefaultAsync(p => p.Id == personId, ct);
        return person is null ? null : SubjectOf(person);
    }

    public async Task<IReadOnlyList<DataSubject>> OfEventAsync(Guid eventId, CancellationToken ct) =>
        [.. (await RemoteSpeakers().Where(p => p.EventId == eventId).OrderBy(p => p.Id).ToListAsync(ct)).Select(SubjectOf)];

    /// <summary>Remote speakers whose whole address is the text, or whose name or organisation contains it (case-insensitive).</summary>
    public async Task<IReadOnlyList<SubjectMatch>> SearchAsync(Guid eventId, string text, int limit, CancellationToken ct)
    {
        var lowered = text.Trim().ToLowerInvariant();
        var query = RemoteSpeakers().Where(p => p.EventId == eventId);
        query = lowered.Contains('@', StringComparison.Ordinal)
            ? query.Where(p => p.Email.ToLower() == lowered)
            : query.Where(p => p.Name.ToLower().Contains(lowered) || p.Organisation.ToLower().Contains(lowered));
        return await query.OrderBy(p => p.Name).Take(Math.Clamp(limit, 1, 100))
            .Select(p => new SubjectMatch(p.Id, p.Name, "", p.Email, p.Organisation, Status)).ToListAsync(ct);
    }

    public async Task<PersonalDataSection> ExportAsync(DataSubject subject, IReadOnlyList<PersonReference> references, CancellationToken ct)
    {
        var records = new List<PersonalRecord>();
        // A remote speaker is the programme person itself; a guest may be one through their guest id.
        var person = await db.Set<ProgrammePerson>().AsNoTracking().Include(p => p.Availability)
            .FirstOrDefaultAsync(p => (p.Id == subject.PersonId && p.GuestId == null || p.GuestId == subject.PersonId) && p.ErasedAt == null, ct);
        if (person is not null)
        {
            if (person.GuestId is null)
            {
                records.Add(new PersonalRecord("remote-speaker", [new("name", person.Name), new("organisation", person.Organisation),
                    new("country", person.CountryCode), new("email", person.Email)]));
            }

            records.AddRange(person.Availability.OrderBy(w => w.From).Select(w => new PersonalRecord("availability", [new("from", w.From), new("until", w.Until)])));
            var sessions = await db.Set<SessionParticipant>().AsNoTracking().Where(p => p.PersonId == person.Id)
                .Join(db.Set<Session>(), p => p.SessionId, s => s.Id, (p, s) => new { s.Id, s.TitleEn, s.TitleZh, s.StartsAt, p.Role, p.ProtocolOrder })
                .ToListAsync(ct);
            records.AddRange(sessions.OrderBy(s => s.StartsAt).ThenBy(s => s.Id).ThenBy(s => s.ProtocolOrder).Select(s => new PersonalRecord("participation",
                [new("session", s.Id), new("titleEn", s.TitleEn), new("titleZh", s.TitleZh), new("startsAt", s.StartsAt), new("role", s.Role),
                    new("protocolOrder", s.ProtocolOrder)])));
        }

        var choices = await db.Set<AgendaChoice>().AsNoTracking().Where(c => c.GuestId == subject.PersonId).OrderBy(c => c.StartsAt).ToListAsync(ct);
        var feeds = await db.Set<AgendaFeed>().AsNoTracking().Where(f => f.GuestId == subject.PersonId).ToListAsync(ct);
        records.AddRange(choices.Select(c => new PersonalRecord("agenda-choice",
            [new("session", c.SessionId), new("chosenAt", c.ChosenAt), new("release", c.ReleaseNumber), new("startsAt", c.StartsAt)])));
        records.AddRange(feeds.Select(f => new PersonalRecord("agenda-feed", [new("createdAt", f.CreatedAt)])));
        var registrations = await db.Set<SessionRegistration>().AsNoTracking().Where(r => r.GuestId == subject.PersonId)
            .Join(db.Set<Session>(), r => r.SessionId, s => s.Id, (r, s) => new { Registration = r, s.TitleEn, s.TitleZh, s.StartsAt }).ToListAsync(ct);
        foreach (var r in registrations.OrderBy(r => r.Registration.RegisteredAt).ThenBy(r => r.Registration.Id))
        {
            records.Add(new PersonalRecord("registration",
            [
                new("session", r.Registration.SessionId), new("titleEn", r.TitleEn), new("titleZh", r.TitleZh), new("startsAt", r.StartsAt),
                new("state", r.Registration.State), new("waitingPosition", await registrationBook.WaitingPositionAsync(r.Registration, ct)),
                new("registeredAt", r.Registration.RegisteredAt), new("registeredBy", r.Registration.ByStaff ? "staff" : "guest"),
            ]));
        }

        return new PersonalDataSection(Area, records);
    }

    public Task<IReadOnlyList<LegalHold>> HoldsAsync(IReadOnlyList<DataSubject> subjects, IReadOnlyList<PersonReference> references, ErasureCause cause,
        CancellationToken ct) => Task.FromResult<IReadOnlyList<LegalHold>>([]);

    public async Task<IReadOnlyList<DataCount>> EraseAsync(ErasureScope scope, bool dryRun, CancellationToken ct)
    {
        int speakers = 0, guestSpeakers = 0, windows = 0, participations = 0, choices = 0, feeds = 0, registrations = 0;
        foreach (var chunk in scope.PersonIds.Chunk(500))
        {
            var people = db.Set<ProgrammePerson>().Where(p => p.ErasedAt == null && (p.GuestId == null && chunk.Contains(p.Id)
                || p.GuestId != null && chunk.Contains(p.GuestId.Value)));
            var found = await people.AsNoTracking().Select(p => new { p.Id, Guest = p.GuestId != null }).ToListAsync(ct);
            var ids = found.Select(p => p.Id).ToList();
            speakers += found.Count(p => !p.Guest);
            guestSpeakers += found.Count(p => p.Guest);
            var windowRows = db.Set<PersonAvailability>().Where(w => ids.Contains(w.PersonId));
            participations += await db.Set<SessionParticipant>().CountAsync(p => ids.Contains(p.PersonId), ct);
            var choiceRows = db.Set<AgendaChoice>().Where(c => chunk.Contains(c.GuestId));
            var feedRows = db.Set<AgendaFeed>().Where(f => chunk.Contains(f.GuestId));
            if (dryRun)
            {
                windows += await windowRows.CountAsync(ct);
                choices += await choiceRows.CountAsync(ct);
                feeds += await feedRows.CountAsync(ct);
                registrations += await db.Set<SessionRegistration>().CountAsync(r => chunk.Contains(r.GuestId), ct);
                continue;
            }

            // A seat given up goes to the first guest waiting, as on a cancellation; not in the purge, which comes long after the event
            // (and erases the waiting guests too).
            registrations += await registrationBook.EraseAsync(chunk, promote: scope.Cause == ErasureCause.Request, ct);

            windows += await windowRows.ExecuteDeleteAsync(ct);
            choices += await choiceRows.ExecuteDeleteAsync(ct);
            feeds += await feedRows.ExecuteDeleteAsync(ct);
            // The person keeps its id (its sessions and the released versions name it), nothing else: shown as "Speaker withdrawn".
            await db.Set<ProgrammePerson>().Where(p => ids.Contains(p.Id)).ExecuteUpdateAsync(u => u
                .SetProperty(p => p.GuestId, (Guid?)null)
                .SetProperty(p => p.Name, "")
                .SetProperty(p => p.Organisation, "")
                .SetProperty(p => p.CountryCode, "")
                .SetProperty(p => p.Email, "")
                .SetProperty(p => p.ErasedAt, scope.Now), ct);
        }

        return
        [
            new(Area, "remote-speaker", DataAction.Anonymized, speakers), new(Area, "guest-speaker", DataAction.Anonymized, guestSpeakers),
            new(Area, "availability", DataAction.Deleted, windows), new(Area, "participation", DataAction.Anonymized, participations),
            new(Area, "agenda-choice", DataAction.Deleted, choices), new(Area, "agenda-feed", DataAction.Deleted, feeds),
            new(Area, "registration", DataAction.Deleted, registrations),
        ];
    }

    public async Task<IReadOnlyList<DataCount>> PurgeEventAsync(EventPurgeScope scope, bool dryRun, CancellationToken ct)
    {
        // Held persons keep their agenda and registrations; on a dry run, the persons the same purge erases first are counted there, not again here.
        var kept = scope.HeldPersons.Concat(dryRun ? scope.ErasedPersons : []).Distinct().ToList();
        var choices = db.Set<AgendaChoice>().Where(c => c.EventId == scope.EventId && !kept.Contains(c.GuestId));
        var feeds = db.Set<AgendaFeed>().Where(f => f.EventId == scope.EventId && !kept.Contains(f.GuestId));
        var registrations = db.Set<SessionRegistration>().Where(r => r.EventId == scope.EventId && !kept.Contains(r.GuestId));

        return
        [
            new(Area, "agenda-choice", DataAction.Deleted, dryRun ? await choices.CountAsync(ct) : await choices.ExecuteDeleteAsync(ct)),
            new(Area, "agenda-feed", DataAction.Deleted, dryRun ? await feeds.CountAsync(ct) : await feeds.ExecuteDeleteAsync(ct)),
            new(Area, "registration", DataAction.Deleted, dryRun ? await registrations.CountAsync(ct) : await registrations.ExecuteDeleteAsync(ct)),
        ];
    }

    private IQueryable<ProgrammePerson> RemoteSpeakers() => db.Set<ProgrammePerson>().AsNoTracking().Where(p => p.GuestId == null && p.ErasedAt == null);

    private static DataSubject SubjectOf(ProgrammePerson p) =>
        new(p.Id, p.EventId, p.Name, p.Email, [p.Name], (AuditEntityType, p.Id.ToString()), $"{AuditEntityType}:{p.Id}");
}
