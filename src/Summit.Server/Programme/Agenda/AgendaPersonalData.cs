using Microsoft.EntityFrameworkCore;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Privacy.Contracts;

namespace Summit.Server.Programme.Agenda;

/// <summary>
/// The programme's part of privacy requests and the purge: a guest's agenda (the sessions they chose, when, from which release) and whether
/// they have a calendar feed (never its key, which is not kept). Erasure and the event's purge delete both. A speaker's place in sessions is
/// the programme's record of the event, not the guest's agenda: it goes with the programme person, whose name is read from the guest's card.
/// </summary>
public sealed class AgendaPersonalData(SummitDbContext db) : IPersonalDataHolder
{
    public const string AreaName = "programme";

    public string Area => AreaName;

    public async Task<PersonalDataSection> ExportAsync(DataSubject subject, IReadOnlyList<PersonReference> references, CancellationToken ct)
    {
        var choices = await db.Set<AgendaChoice>().AsNoTracking().Where(c => c.GuestId == subject.PersonId).OrderBy(c => c.StartsAt).ToListAsync(ct);
        var feeds = await db.Set<AgendaFeed>().AsNoTracking().Where(f => f.GuestId == subject.PersonId).ToListAsync(ct);
        return new PersonalDataSection(Area,
        [
            .. choices.Select(c => new PersonalRecord("agenda-choice",
                [new("session", c.SessionId), new("chosenAt", c.ChosenAt), new("release", c.ReleaseNumber), new("startsAt", c.StartsAt)])),
            .. feeds.Select(f => new PersonalRecord("agenda-feed", [new("createdAt", f.CreatedAt)])),
        ]);
    }

    public Task<IReadOnlyList<LegalHold>> HoldsAsync(IReadOnlyList<DataSubject> subjects, IReadOnlyList<PersonReference> references, ErasureCause cause,
        CancellationToken ct) => Task.FromResult<IReadOnlyList<LegalHold>>([]);

    public async Task<IReadOnlyList<DataCount>> EraseAsync(ErasureScope scope, bool dryRun, CancellationToken ct)
    {
        var ids = scope.PersonIds;
        var choices = db.Set<AgendaChoice>().Where(c => ids.Contains(c.GuestId));
        var feeds = db.Set<AgendaFeed>().Where(f => ids.Contains(f.GuestId));
        return
        [
            new(Area, "agenda-choice", DataAction.Deleted, dryRun ? await choices.CountAsync(ct) : await choices.ExecuteDeleteAsync(ct)),
            new(Area, "agenda-feed", DataAction.Deleted, dryRun ? await feeds.CountAsync(ct) : await feeds.ExecuteDeleteAsync(ct)),
        ];
    }

    public async Task<IReadOnlyList<DataCount>> PurgeEventAsync(EventPurgeScope scope, bool dryRun, CancellationToken ct)
    {
        // Held persons keep their agenda; on a dry run, the persons the same purge erases first are counted there, not again here.
        var kept = scope.HeldPersons.Concat(dryRun ? scope.ErasedPersons : []).Distinct().ToList();
        var choices = db.Set<AgendaChoice>().Where(c => c.EventId == scope.EventId && !kept.Contains(c.GuestId));
        var feeds = db.Set<AgendaFeed>().Where(f => f.EventId == scope.EventId && !kept.Contains(f.GuestId));

        return
        [
            new(Area, "agenda-choice", DataAction.Deleted, dryRun ? await choices.CountAsync(ct) : await choices.ExecuteDeleteAsync(ct)),
            new(Area, "agenda-feed", DataAction.Deleted, dryRun ? await feeds.CountAsync(ct) : await feeds.ExecuteDeleteAsync(ct)),
        ];
    }
}
