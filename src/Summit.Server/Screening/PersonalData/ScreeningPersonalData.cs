using Microsoft.EntityFrameworkCore;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Privacy.Contracts;

namespace Summit.Server.Screening.PersonalData;

/// <summary>
/// The Screening module's part of privacy requests and the purge. A temperature reading names a sensor and a time, never a
/// person, so nothing here is linked to a guest; the officers' notes on holds are free text that may name the person they
/// re-measured, so the purge clears them (and their copies in the audit trail). The readings and holds stay: the closing report
/// counts them.
/// </summary>
public sealed class ScreeningPersonalData(SummitDbContext db, AuditRedaction auditTrail) : IPersonalDataHolder
{
    public const string AreaName = "screening";

    public string Area => AreaName;

    public Task<PersonalDataSection> ExportAsync(DataSubject subject, IReadOnlyList<PersonReference> references, CancellationToken ct) =>
        Task.FromResult(new PersonalDataSection(Area, [], "personal.screening.not_linked"));

    public Task<IReadOnlyList<LegalHold>> HoldsAsync(IReadOnlyList<DataSubject> subjects, IReadOnlyList<PersonReference> references, ErasureCause cause,
        CancellationToken ct) => Task.FromResult<IReadOnlyList<LegalHold>>([]);

    /// <summary>
    /// A note that names the person (by a full name or the address) loses those words. Notes on the event's holds are few (one
    /// per fever), so they are read and compared here rather than searched in the database.
    /// </summary>
    public async Task<IReadOnlyList<DataCount>> EraseAsync(ErasureScope scope, bool dryRun, CancellationToken ct)
    {
        var holds = await (dryRun ? db.Set<ScreeningHold>().AsNoTracking() : db.Set<ScreeningHold>())
            .Where(h => h.EventId == scope.EventId && h.Note != null).ToListAsync(ct);
        var rewritten = new Dictionary<string, string?>();
        foreach (var hold in holds)
        {
            var note = scope.Targets.Aggregate(hold.Note, (text, target) => ErasedText.Without(text, target.Subject));
            if (note != hold.Note)
            {
                rewritten[hold.Id.ToString()] = null;
                if (!dryRun)
                {
                    hold.Note = note;
                }
            }
        }

        if (!dryRun)
        {
            await db.SaveChangesAsync(ct);
        }

        var subjects = scope.Targets.Select(t => t.Subject).ToList();
        var audit = await auditTrail.RewriteEntitiesAsync(HoldAuditType, rewritten,
            (_, text) => subjects.Aggregate(text, (t, subject) => ErasedText.Without(t, subject)!), dryRun, ct);
        return [new(Area, "hold-note", DataAction.Anonymized, rewritten.Count), new(Area, "hold-audit-entry", DataAction.Anonymized, audit)];
    }

    /// <summary>After the retention period every note goes: free text may identify someone in words no search finds.</summary>
    public async Task<IReadOnlyList<DataCount>> PurgeEventAsync(EventPurgeScope scope, bool dryRun, CancellationToken ct)
    {
        var holds = db.Set<ScreeningHold>().Where(h => h.EventId == scope.EventId && h.Note != null && h.Note != ErasedText.Marker);
        var ids = await holds.Select(h => h.Id.ToString()).ToListAsync(ct);
        var notes = dryRun ? ids.Count : await holds.ExecuteUpdateAsync(u => u.SetProperty(h => h.Note, ErasedText.Marker), ct);
        var audit = await auditTrail.RewriteEntitiesAsync(HoldAuditType, ids.ToDictionary(i => i, _ => (string?)null), RedactNote, dryRun, ct);
        return [new(Area, "hold-note", DataAction.Anonymized, notes), new(Area, "hold-audit-entry", DataAction.Anonymized, audit)];
    }

    private const string HoldAuditType = "screening_hold";

    /// <summary>In a hold's audit entry only the note is free text; the gate, status and temperatures stay.</summary>
    private static string RedactNote(string field, string value) => field == "note" ? ErasedText.Marker : value;
}
