using Microsoft.EntityFrameworkCore;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Privacy.Contracts;

namespace Summit.Server.Faces.PersonalData;

/// <summary>
/// The Faces module's part of privacy requests and the purge: a person's enrolment. The export says whether a template is stored,
/// from which photo and when, never its values (a descriptor means nothing to its owner and is biometric data); erasure and the
/// event's purge delete the rows.
/// </summary>
public sealed class FacePersonalData(SummitDbContext db) : IPersonalDataHolder
{
    public const string AreaName = "faces";

    public string Area => AreaName;

    public async Task<PersonalDataSection> ExportAsync(DataSubject subject, IReadOnlyList<PersonReference> references, CancellationToken ct)
    {
        var row = await db.Set<FaceEnrolment>().AsNoTracking().FirstOrDefaultAsync(e => e.GuestId == subject.PersonId, ct);
        return new PersonalDataSection(Area, row is null ? [] :
        [
            new PersonalRecord("face-enrolment",
            [
                new("state", row.State.ToString()), new("source", row.Source.ToString()), new("issues", row.Issues), new("updatedAt", row.UpdatedAt),
                new("templateStored", row.EncryptedTemplate is not null),
            ]),
        ]);
    }

    public Task<IReadOnlyList<LegalHold>> HoldsAsync(IReadOnlyList<DataSubject> subjects, IReadOnlyList<PersonReference> references, ErasureCause cause,
        CancellationToken ct) => Task.FromResult<IReadOnlyList<LegalHold>>([]);

    public async Task<IReadOnlyList<DataCount>> EraseAsync(ErasureScope scope, bool dryRun, CancellationToken ct)
    {
        var ids = scope.PersonIds;
        var rows = db.Set<FaceEnrolment>().Where(e => ids.Contains(e.GuestId));
        var count = dryRun ? await rows.CountAsync(ct) : await rows.ExecuteDeleteAsync(ct);
        return [new(Area, "face-enrolment", DataAction.Deleted, count)];
    }

    public async Task<IReadOnlyList<DataCount>> PurgeEventAsync(EventPurgeScope scope, bool dryRun, CancellationToken ct)
    {
        var rows = db.Set<FaceEnrolment>().Where(e => e.EventId == scope.EventId);
        var count = dryRun ? await rows.CountAsync(ct) : await rows.ExecuteDeleteAsync(ct);
        return [new(Area, "face-enrolment", DataAction.Deleted, count)];
    }
}
