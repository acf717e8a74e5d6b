using Microsoft.EntityFrameworkCore;
using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Programme.Rules;
using Summit.Server.Venues.Contracts;

namespace Summit.Server.Programme.Timetable;

/// <summary>
/// Reads the programme for the rules (<see cref="ProgrammeState"/>) and writes conflicts in the reader's language, naming sessions, people
/// and rooms. The rules themselves are in <see cref="ProgrammeRules"/>; nothing is decided here.
/// </summary>
public sealed class ProgrammeReader(SummitDbContext db, IRoomReservations reservations, IGuestDirectory guests, Localizer localizer)
{
    public async Task<ProgrammeState> LoadAsync(Guid eventId, CancellationToken ct = default)
    {
        var sessions = await db.Set<Session>().AsNoTracking().Include(s => s.Participants).Include(s => s.Equipment).AsSplitQuery()
            .Where(s => s.EventId == eventId).ToListAsync(ct);
        var people = await db.Set<ProgrammePerson>().AsNoTracking().Include(p => p.Availability).Where(p => p.EventId == eventId).ToListAsync(ct);
        var rooms = (await reservations.ListRoomsAsync(ct)).ToDictionary(r => r.Id);
        // Counts only: who chose what stays with the agendas.
        var chosen = await db.Set<AgendaChoice>().AsNoTracking().Where(c => c.EventId == eventId).GroupBy(c => c.SessionId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var registered = await db.Set<SessionRegistration>().AsNoTracking().Where(r => r.EventId == eventId).GroupBy(r => r.SessionId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        // Agenda picks of guests who did not register for the session: interest on top of the firm registrations.
        var interested = await db.Set<AgendaChoice>().AsNoTracking()
            .Where(c => c.EventId == eventId && !db.Set<SessionRegistration>().Any(r => r.SessionId == c.SessionId && r.GuestId == c.GuestId))
            .GroupBy(c => c.SessionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return new ProgrammeState(sessions, people.ToDictionary(p => p.Id, p => new PersonFacts(p.Id, [.. p.Availability.Select(w => new TimeWindow(w.From, w.Until))],
            p.ErasedAt is not null)),
            await SettingsAsync(eventId, ct), rooms, chosen, registered, interested);
    }

    public async Task<RuleSettings> SettingsAsync(Guid eventId, CancellationToken ct = default)
    {
        var settings = await db.Set<ProgrammeSettings>().AsNoTracking().Include(s => s.Rules).Include(s => s.TravelTimes).AsSplitQuery()
            .FirstOrDefaultAsync(s => s.EventId == eventId, ct);
        if (settings is null)
        {
            return RuleSettings.Defaults;
        }

        return new RuleSettings(settings.Rules.ToDictionary(r => r.Rule, r => r.Severity), settings.BufferMinutes, settings.DefaultTravelMinutes,
            settings.TravelTimes.ToDictionary(t => (t.FirstVenueId, t.SecondVenueId), t => t.Minutes),
            settings.RequiredLanguages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), settings.InterpretationKitId);
    }

    /// <summary>The names of people as the reader sees them: a guest's from the guests module's card, a remote speaker's as kept here.</summary>
    public async Task<Dictionary<Guid, (string Name, string Organisation)>> NamesAsync(IEnumerable<ProgrammePerson> people, CancellationToken ct = default)
    {
        var list = people.ToList();
        var cards = (await guests.GetCardsAsync([.. list.Where(p => p.GuestId is not null).Select(p => p.GuestId!.Value).Distinct()], ct))
            .ToDictionary(c => c.Id);
        return list.ToDictionary(p => p.Id, p => p.GuestId is { } g
            ? cards.TryGetValue(g, out var card) ? (card.Name, card.Organisation) : ("?", "")
            : (p.Name, p.Organisation));
    }

    public async Task<List<ProgrammeConflictView>> DescribeAsync(IEnumerable<ProgrammeConflict> conflicts, ProgrammeState state, Session? changed = null,
        CancellationToken ct = default)
    {
        var list = conflicts.ToList();
        var personIds = list.Where(c => c.PersonId is not null).Select(c => c.PersonId!.Value).ToHashSet();
        var people = await db.Set<ProgrammePerson>().AsNoTracking().Where(p => personIds.Contains(p.Id)).ToListAsync(ct);
        var names = await NamesAsync(people, ct);
        var sessions = state.Sessions.ToDictionary(s => s.Id);
        if (changed is not null)
        {
            sessions[changed.Id] = changed;
        }

        string Title(Guid? id) => id is { } s && sessions.TryGetValue(s, out var session) ? Localizer.InReaderLanguage(session.TitleEn, session.TitleZh) : "";
        string Room(Guid? id) => id is { } r && state.Rooms.TryGetValue(r, out var room) ? room.Code : "";
        var items = list.Any(c => c.ItemId is not null) ? (await reservations.ListEquipmentAsync(ct)).ToDictionary(e => e.Id) : [];
        string Item(Guid? id) => id is { } i && items.TryGetValue(i, out var item) ? Localizer.InReaderLanguage(item.NameEn, item.NameZh) : "";
        return [.. list.Select(c =>
        {
            var person = c.PersonId is { } p && names.TryGetValue(p, out var named) ? named.Name : "";
            // A pair is stored in id order; it reads in the order of time.
            var (first, second) = c.OtherSessionId is { } other && sessions.TryGetValue(other, out var o) && sessions.TryGetValue(c.SessionId, out var s)
                && o.StartsAt < s.StartsAt ? (other, c.SessionId) : (c.SessionId, c.OtherSessionId);
            // An interpretation kit not stated at all reads otherwise than units the stock could not give.
            var key = "programme.conflict." + c.Rule + (c.Rule == ConflictRule.EquipmentMissing && c.Needed is null ? ".Unstated" : "");
            var message = localizer[key, Title(first), Title(second), person, Room(c.RoomId),
                c.Needed ?? 0, c.Available ?? 0, c.Language is { } language ? Pages.ProgrammePageText.LanguageName(localizer, language) : "", Item(c.ItemId)];
            return new ProgrammeConflictView(c.Rule, c.Severity, message, c.SessionId, c.OtherSessionId, c.PersonId, c.RoomId, c.Needed, c.Available, c.Language,
                c.ItemId);
        })];
    }
}
