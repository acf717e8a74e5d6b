using Summit.Server.Infrastructure.Audit;
using Summit.Server.Privacy.Contracts;

namespace Summit.Server.Privacy.Holders;

/// <summary>
/// The audit trail's part. The trail stays (who did what, when, to which record: the accountability the organizer owes), but
/// the entries about an erased person move to their pseudonym and lose their values (names, addresses, reasons), the entries the
/// person made in the portal lose the name and address they came with, and other entries that named their id name the
/// pseudonym. After the retention period every address recorded before its end is dropped, staff's included.
/// </summary>
public sealed class AuditPersonalData(AuditRedaction trail) : IPersonalDataHolder
{
    public const string AreaName = "audit";

    /// <summary>The name the entries an erased person made carry from now on.</summary>
    public const string ErasedActorName = "guest (erased)";

    public string Area => AreaName;

    public async Task<PersonalDataSection> ExportAsync(DataSubject subject, IReadOnlyList<PersonReference> references, CancellationToken ct)
    {
        var entries = await trail.EntriesOfAsync(subject.AuditEntity.Type, subject.AuditEntity.Id, subject.AuditActor, ct);
        // Who among the staff acted is the organizer's accountability record, not the person's data: the copy says "staff".
        return new PersonalDataSection(Area, [.. entries.Select(e =>
        {
            var own = e.ActorId == subject.AuditActor;
            return new PersonalRecord("audit-entry", [new("at", e.At), new("action", e.Action), new("by", own ? "you" : e.ActorId is null ? "system" : "staff"),
                new("changes", e.Changes), new("ipAddress", own ? e.IpAddress : null)]);
        })]);
    }

    public Task<IReadOnlyList<LegalHold>> HoldsAsync(IReadOnlyList<DataSubject> subjects, IReadOnlyList<PersonReference> references, ErasureCause cause,
        CancellationToken ct) => Task.FromResult<IReadOnlyList<LegalHold>>([]);

    public async Task<IReadOnlyList<DataCount>> EraseAsync(ErasureScope scope, bool dryRun, CancellationToken ct)
    {
        int about = 0, mentions = 0;
        foreach (var group in scope.Targets.GroupBy(t => t.Subject.AuditEntity.Type))
        {
            var ids = group.ToDictionary(t => t.Subject.AuditEntity.Id, t => t.Pseudonym.ToString());
            // First the other records' mentions, while the entries about the persons still carry the ids they are told apart by.
            mentions += await trail.ReplaceIdsAsync(group.Key, ids, dryRun, ct);
            about += await trail.RewriteEntitiesAsync(group.Key, ids.ToDictionary(p => p.Key, p => (string?)p.Value), (_, _) => ErasedText.Marker, dryRun, ct);
        }

        // A request takes the person's addresses at once; the purge takes every address before its cutoff in its event step.
        var actors = scope.Targets.ToDictionary(t => t.Subject.AuditActor, t => t.Subject.AuditActor.Replace(t.Subject.PersonId.ToString(), t.Pseudonym.ToString(),
            StringComparison.OrdinalIgnoreCase));
        var own = await trail.RewriteActorsAsync(actors, ErasedActorName, dropAddresses: scope.Cause == ErasureCause.Request, dryRun, ct);
        return
        [
            new(Area, "entry-about", DataAction.Anonymized, about), new(Area, "entry-by", DataAction.Anonymized, own),
            new(Area, "entry-mention", DataAction.Anonymized, mentions),
        ];
    }

    public async Task<IReadOnlyList<DataCount>> PurgeEventAsync(EventPurgeScope scope, bool dryRun, CancellationToken ct) =>
        [new(Area, "ip-address", DataAction.Deleted, await trail.DropAddressesAsync(scope.Cutoff, dryRun, ct))];
}
