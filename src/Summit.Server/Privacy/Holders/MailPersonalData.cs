using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Mail;
using Summit.Server.Privacy.Contracts;

namespace Summit.Server.Privacy.Holders;

/// <summary>
/// The mail Summit queued (invitations, approvals, credentials with their QR, staff alerts) and its copies in the outbox folder.
/// Sent mail has done its work: a person's mail goes when they are erased, and every message written before the end of the
/// retention period goes with the purge. Mail that reached another server cannot be called back; that is said in the guide.
/// </summary>
/// <remarks>Scoped: the purge's event step skips the mail its erasure step already took (they run in one scope, one after the other).</remarks>
public sealed class MailPersonalData(SummitDbContext db, IOptions<MailOptions> options) : IPersonalDataHolder
{
    public const string AreaName = "mail";

    private readonly HashSet<Guid> _erasedMail = [];

    public string Area => AreaName;

    public async Task<PersonalDataSection> ExportAsync(DataSubject subject, IReadOnlyList<PersonReference> references, CancellationToken ct)
    {
        var records = (await db.OutgoingMails.AsNoTracking().Where(m => m.GuestId == subject.PersonId).OrderBy(m => m.CreatedAt).ToListAsync(ct))
            .Select(m => new PersonalRecord("mail", [new("kind", m.Kind), new("to", m.ToAddress), new("subject", m.Subject), new("createdAt", m.CreatedAt),
                new("sentAt", m.SentAt)]))
            .ToList();
        records.AddRange((await StaffMailMentioningAsync([subject], ct)).Select(m => new PersonalRecord("staff-mail",
            [new("kind", m.Kind), new("subject", m.Subject), new("createdAt", m.CreatedAt)])));
        return new PersonalDataSection(Area, records);
    }

    public Task<IReadOnlyList<LegalHold>> HoldsAsync(IReadOnlyList<DataSubject> subjects, IReadOnlyList<PersonReference> references, ErasureCause cause,
        CancellationToken ct) => Task.FromResult<IReadOnlyList<LegalHold>>([]);

    /// <summary>
    /// The person's own mail, and the staff alerts that name them. The purge takes every message written before the end of the
    /// retention period in its event step, so here it searches only the few written since (about an incident resolved late).
    /// </summary>
    public async Task<IReadOnlyList<DataCount>> EraseAsync(ErasureScope scope, bool dryRun, CancellationToken ct)
    {
        var ids = new List<Guid>();
        foreach (var chunk in scope.PersonIds.Chunk(500))
        {
            ids.AddRange(await db.OutgoingMails.Where(m => m.GuestId != null && chunk.Contains(m.GuestId.Value)).Select(m => m.Id).ToListAsync(ct));
        }

        ids.AddRange((await StaffMailMentioningAsync([.. scope.Targets.Select(t => t.Subject)], ct, since: scope.Cutoff)).Select(m => m.Id));

        _erasedMail.UnionWith(ids);
        return [new(Area, "mail", DataAction.Deleted, await DeleteAsync(ids, dryRun, ct)), new(Area, "mail-copy", DataAction.Deleted, DeleteCopies(scope, ids, dryRun))];
    }

    public async Task<IReadOnlyList<DataCount>> PurgeEventAsync(EventPurgeScope scope, bool dryRun, CancellationToken ct)
    {
        var held = scope.HeldPersons.ToList();
        var candidates = await db.OutgoingMails.Where(m => m.CreatedAt < scope.Cutoff && (m.GuestId == null || !held.Contains(m.GuestId.Value)))
            .Select(m => m.Id).ToListAsync(ct);
        var ids = candidates.Where(id => !_erasedMail.Contains(id)).ToList();
        var kept = await db.OutgoingMails.Where(m => m.GuestId != null && held.Contains(m.GuestId.Value)).Select(m => m.Id).ToListAsync(ct);
        var keptSet = kept.ToHashSet();
        bool Purged((string Path, DateTimeOffset Written, Guid? MailId) copy) =>
            copy.Written < scope.Cutoff && !(copy.MailId is { } id && (keptSet.Contains(id) || _erasedMail.Contains(id)));
        var copies = Copies(Purged).Count;
        var deleted = await DeleteAsync(ids, dryRun, ct);
        if (!dryRun)
        {
            // Files cannot be rolled back: they go once the purge has committed.
            scope.OnCommitted(() => Copies(Purged).ForEach(File.Delete));
        }

        return [new(Area, "mail", DataAction.Deleted, deleted), new(Area, "mail-copy", DataAction.Deleted, copies)];
    }

    private int DeleteCopies(ErasureScope scope, List<Guid> ids, bool dryRun)
    {
        var wanted = ids.ToHashSet();
        bool Erased((string Path, DateTimeOffset Written, Guid? MailId) copy) => copy.MailId is { } id && wanted.Contains(id);
        if (!dryRun)
        {
            // Listed again after the commit: the mail dispatcher may have written a copy of a message that was still queued.
            scope.OnCommitted(() => Copies(Erased).ForEach(File.Delete));
        }

        return Copies(Erased).Count;
    }

    private List<string> Copies(Func<(string Path, DateTimeOffset Written, Guid? MailId), bool> which) =>
        [.. OutboxFolderTransport.Copies(options.Value.OutboxDirectory).Where(which).Select(c => c.Path)];

    private async Task<int> DeleteAsync(List<Guid> ids, bool dryRun, CancellationToken ct)
    {
        var count = 0;
        foreach (var chunk in ids.Distinct().Chunk(500))
        {
            if (dryRun)
            {
                count += chunk.Length;
                continue;
            }

            await db.Set<MailImage>().Where(i => chunk.Contains(i.MailId)).ExecuteDeleteAsync(ct);
            count += await db.OutgoingMails.Where(m => chunk.Contains(m.Id)).ExecuteDeleteAsync(ct);
        }

        return count;
    }

    /// <summary>Staff alerts (no guest address), written since a moment if given, whose subject or text names one of the persons.</summary>
    private async Task<List<OutgoingMail>> StaffMailMentioningAsync(IReadOnlyList<DataSubject> subjects, CancellationToken ct, DateTimeOffset? since = null)
    {
        var query = db.OutgoingMails.AsNoTracking().Where(m => m.GuestId == null);
        if (since is { } from)
        {
            query = query.Where(m => m.CreatedAt >= from);
        }

        // Mail to a person no guest record links (a remote speaker's programme notice) is found by its address.
        return [.. (await query.ToListAsync(ct)).Where(m => subjects.Any(s => s.Email.Length > 0 && string.Equals(m.ToAddress, s.Email, StringComparison.OrdinalIgnoreCase)
            || ErasedText.Mentions(m.Subject, s) || ErasedText.Mentions(m.TextBody, s) || ErasedText.Mentions(m.HtmlBody, s)))];
    }
}
