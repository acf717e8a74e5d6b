using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Summit.Server.Events.Contracts;
using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Programme.Releases;
using Summit.Server.Programme.Sessions;
using Summit.Server.Programme.Timetable;

namespace Summit.Server.Programme.People;

/// <summary>
/// The people who appear in sessions: guests of the event (read through the guests module's contract) and remote speakers, with their
/// availability windows; every change audited.
/// </summary>
public sealed class PersonService(SummitDbContext db, IEventCalendar events, IGuestDirectory guests, AuditLog audit, Localizer localizer,
    ProgrammeReader reader)
{
    /// <summary>Guests who are not refused or withdrawn, for choosing speakers.</summary>
    private static readonly GuestStatus[] Eligible = [GuestStatus.Invited, GuestStatus.Registered, GuestStatus.Approved, GuestStatus.Accredited, GuestStatus.Arrived];

    public async Task<List<PersonView>> ListAsync(CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var people = await db.Set<ProgrammePerson>().AsNoTracking().Include(p => p.Availability).Where(p => p.EventId == summitEvent.Id).ToListAsync(ct);
        var cards = await CardsAsync(people, ct);
        return [.. people.Select(p => ToView(p, cards, withEmail: false)).OrderBy(p => p.Name, StringComparer.CurrentCulture)];
    }

    /// <summary>One person with a remote speaker's address: that read is audited (a guest's details are the guests module's, read as a card).</summary>
    public async Task<PersonView> GetAsync(Guid id, CancellationToken ct = default)
    {
        var person = await FindAsync(id, tracked: false, ct);
        if (person.GuestId is null && !person.IsWithdrawn)
        {
            await audit.RecordReadAsync(ProgrammeAudit.PersonViewed, "programme_person", person.Id.ToString());
        }

        return ToView(person, await CardsAsync([person], ct), withEmail: true);
    }

    /// <summary>Guests whose name or organisation contains <paramref name="text"/>, at most <paramref name="take"/>, by name.</summary>
    public async Task<List<GuestChoice>> FindGuestsAsync(string? text, int take = 20, CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var query = text?.Trim() ?? "";
        var ids = await guests.SelectAsync(summitEvent.Id, null, null, Eligible, ct);
        var cards = await guests.GetCardsAsync(ids, ct);
        var listed = await db.Set<ProgrammePerson>().AsNoTracking().Where(p => p.EventId == summitEvent.Id && p.GuestId != null)
            .ToDictionaryAsync(p => p.GuestId!.Value, p => p.Id, ct);
        return [.. cards.Where(c => query.Length == 0 || c.Name.Contains(query, StringComparison.CurrentCultureIgnoreCase)
                || c.OriginalName.Contains(query, StringComparison.CurrentCultureIgnoreCase) || c.Organisation.Contains(query, StringComparison.CurrentCultureIgnoreCase))
            .OrderBy(c => c.Name, StringComparer.CurrentCulture).Take(Math.Clamp(take, 1, 100))
            .Select(c => new GuestChoice(c.Id, c.Name, c.Organisation, c.CountryCode, listed.TryGetValue(c.Id, out var person) ? person : null))];
    }

    public async Task<PersonView> CreateAsync(PersonInput input, CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var person = new ProgrammePerson { EventId = summitEvent.Id };
        await ApplyAsync(person, input, summitEvent.Id, ct);
        db.Set<ProgrammePerson>().Add(person);
        await audit.RecordAsync(ProgrammeAudit.PersonCreated, "programme_person", person.Id.ToString(),
            AuditLog.Diff(new Dictionary<string, object?>(), Snapshot(person)));
        await db.SaveChangesAsync(ct);
        return ToView(person, await CardsAsync([person], ct), withEmail: true);
    }

    public async Task<PersonView> UpdateAsync(Guid id, PersonInput input, CancellationToken ct = default)
    {
        var person = await FindAsync(id, tracked: true, ct);
        ThrowIfWithdrawn(person);
        var before = Snapshot(person);
        await ApplyAsync(person, input, person.EventId, ct);
        var changes = AuditLog.Diff(before, Snapshot(person));
        if (changes.Count > 0)
        {
            await audit.RecordAsync(ProgrammeAudit.PersonUpdated, "programme_person", person.Id.ToString(), changes);
            await db.SaveChangesAsync(ct);
        }

        return ToView(person, await CardsAsync([person], ct), withEmail: true);
    }

    /// <summary>
    /// Replaces a person's availability windows. Refused, with the conflicts, when the new windows leave the person unavailable for a session
    /// they are in and the event's rule refuses such an edit.
    /// </summary>
    public async Task<PersonView> SetAvailabilityAsync(Guid id, IReadOnlyList<AvailabilityWindow> windows, CancellationToken ct = default)
    {
        var person = await FindAsync(id, tracked: true, ct);
        ThrowIfWithdrawn(person);
        var checks = new FieldChecks(localizer);
        if (windows.Count > ProgrammeLimits.MaxWindows)
        {
            checks.Add("availability", "programme.field.availability", ProgrammeErrors.TooMany, ProgrammeLimits.MaxWindows);
        }

        foreach (var w in windows)
        {
            if (w.Until <= w.From)
            {
                checks.Add("availability", "programme.field.availability", ProgrammeErrors.PeriodInvalid);
            }
        }

        checks.ThrowIfAny();
        var state = await reader.LoadAsync(person.EventId, ct);
        var before = state.Check();
        var people = state.People.ToDictionary(p => p.Key, p => p.Value);
        people[person.Id] = new Rules.PersonFacts(person.Id, [.. windows.Select(w => new Rules.TimeWindow(w.From, w.Until))]);
        var after = Rules.ProgrammeRules.Check([.. state.Sessions.Select(state.FactsOf)], people, state.Settings);
        await SessionService.ThrowIfBlockedAsync(reader, state, Rules.ProgrammeRules.Introduced(before, after), null, ct);

        var old = string.Join("; ", person.Availability.OrderBy(w => w.From).Select(Describe));
        db.Set<PersonAvailability>().RemoveRange(person.Availability);
        person.Availability = [.. windows.OrderBy(w => w.From).Select(w => new PersonAvailability
        {
            PersonId = person.Id,
            From = w.From.ToUniversalTime(),
            Until = w.Until.ToUniversalTime(),
        })];
        db.Set<PersonAvailability>().AddRange(person.Availability);
        await audit.RecordAsync(ProgrammeAudit.AvailabilityChanged, "programme_person", person.Id.ToString(), new Dictionary<string, (object?, object?)>
        {
            ["availability"] = (old, string.Join("; ", person.Availability.Select(Describe))),
        });
        await db.SaveChangesAsync(ct);
        return ToView(person, await CardsAsync([person], ct), withEmail: true);
    }

    private static void ThrowIfWithdrawn(ProgrammePerson person)
    {
        if (person.IsWithdrawn)
        {
            throw new SummitException(SummitError.Conflict(ProgrammeErrors.PersonWithdrawn));
        }
    }

    private static string Describe(PersonAvailability w) =>
        FormattableString.Invariant($"{w.From.UtcDateTime:yyyy-MM-ddTHH:mmZ}/{w.Until.UtcDateTime:yyyy-MM-ddTHH:mmZ}");

    private async Task<ProgrammePerson> FindAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var query = db.Set<ProgrammePerson>().Include(p => p.Availability).Where(p => p.Id == id && p.EventId == summitEvent.Id);
        return await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(ct)
            ?? throw new SummitException(SummitError.NotFound(ProgrammeErrors.PersonNotFound, id));
    }

    private async Task ApplyAsync(ProgrammePerson person, PersonInput input, Guid eventId, CancellationToken ct)
    {
        var checks = new FieldChecks(localizer);
        if (input.GuestId is { } guestId)
        {
            var card = await guests.FindAsync(guestId, ct);
            if (card is null || card.EventId != eventId)
            {
                checks.Add("guestId", "programme.field.guest", ProgrammeErrors.GuestUnknown, guestId);
            }
            else if (await db.Set<ProgrammePerson>().AnyAsync(p => p.EventId == eventId && p.GuestId == guestId && p.Id != person.Id, ct))
            {
                checks.Add("guestId", "programme.field.guest", ProgrammeErrors.GuestListedAlready, card.Name);
            }

            checks.ThrowIfAny();
            // A guest's own details live in the guests module: nothing of them is copied here.
            (person.GuestId, person.Name, person.Organisation, person.CountryCode, person.Email) = (guestId, "", "", "", "");
            return;
        }

        var name = checks.Required("name", "programme.field.name", input.Name, ProgrammeLimits.NameLength);
        var organisation = ProgrammeFields.Optional(checks, "organisation", "programme.field.organisation", input.Organisation, ProgrammeLimits.NameLength);
        var country = input.CountryCode?.Trim().ToUpperInvariant() ?? "";
        if (country.Length > 0 && (country.Length != 2 || Countries.Find(country) is null))
        {
            checks.Add("countryCode", "programme.field.country", ProgrammeErrors.CountryUnknown, country);
        }

        var email = ProgrammeFields.Optional(checks, "email", "programme.field.email", input.Email, ProgrammeLimits.EmailLength);
        if (email.Length > 0 && (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
        {
            checks.Add("email", "programme.field.email", ProgrammeErrors.EmailInvalid);
        }

        checks.ThrowIfAny();
        (person.GuestId, person.Name, person.Organisation, person.CountryCode, person.Email) = (null, name, organisation, country, email);
    }

    private async Task<Dictionary<Guid, GuestCard>> CardsAsync(IEnumerable<ProgrammePerson> people, CancellationToken ct) =>
        (await guests.GetCardsAsync([.. people.Where(p => p.GuestId is not null).Select(p => p.GuestId!.Value).Distinct()], ct)).ToDictionary(c => c.Id);

    private PersonView ToView(ProgrammePerson p, IReadOnlyDictionary<Guid, GuestCard> cards, bool withEmail)
    {
        var card = p.GuestId is { } g ? cards.GetValueOrDefault(g) : null;
        return new PersonView(p.Id, p.GuestId, card?.Name ?? (p.IsWithdrawn ? ReleaseReader.WithdrawnName(localizer) : p.Name), card?.Organisation ?? p.Organisation, card?.CountryCode ?? p.CountryCode,
            withEmail && card is null ? p.Email : null, [.. p.Availability.OrderBy(w => w.From).Select(w => new AvailabilityWindow(w.From, w.Until))]);
    }

    private static Dictionary<string, object?> Snapshot(ProgrammePerson p) => new()
    {
        ["guestId"] = p.GuestId,
        ["name"] = p.Name,
        ["organisation"] = p.Organisation,
        ["countryCode"] = p.CountryCode,
        ["email"] = p.Email,
    };
}
