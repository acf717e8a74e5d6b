using Microsoft.EntityFrameworkCore;
using Summit.Faces.Core;
using Summit.Server.Faces.Engine;
using Summit.Server.Faces.Gate;
using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Images;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Faces.Enrolment;

/// <summary>
/// Enrols consenting guests: from the portal photo (queued when consent or a photo arrives, or a staff action) or from a photo an
/// accreditation officer takes at the desk with the guest's consent recorded. Consent is asked of the Guests module before anything
/// else: without it no photo is read and the engine is not called. A template is stored only encrypted, and only what the quality
/// check accepts; a refused photo leaves the issues, which say what to change.
/// </summary>
public sealed class FaceEnrolmentService(SummitDbContext db, IGuestDirectory guests, IFaceAnalyzer analyzer, FaceTemplates templates, AuditLog audit,
    CurrentActor actor, TimeProvider clock, FaceLaneGallery lanes, Localizer localizer)
{
    /// <summary>How many queued enrolments one pass of the worker computes.</summary>
    public const int PendingBatch = 20;

    public async Task<EnrolmentView> GetAsync(Guid guestId, CancellationToken ct = default)
    {
        var consent = await ConsentAsync(guestId, ct);
        var row = await db.Set<FaceEnrolment>().AsNoTracking().FirstOrDefaultAsync(e => e.GuestId == guestId, ct);
        return View(consent, row);
    }

    /// <summary>The staff action "enrol from photo": the guest's consented portal photo, checked and enrolled now.</summary>
    public async Task<EnrolmentView> EnrolFromPortalPhotoAsync(Guid guestId, CancellationToken ct = default)
    {
        var consent = await ConsentAsync(guestId, ct);
        RequireConsent(consent);
        if (!consent.HasPhoto)
        {
            throw new SummitException(SummitError.Conflict(FacesErrors.NoPhoto));
        }

        var jpeg = await guests.GetPhotoJpegAsync(guestId, ct) ?? throw new SummitException(SummitError.Conflict(FacesErrors.NoPhoto));
        // The stored photo was checked and re-encoded when it was uploaded (PhotoProcessor): decoding it is bounded.
        var row = await EnrolAsync(consent, FaceImage.Decode(jpeg), FaceEnrolmentSource.PortalPhoto, ct);
        ThrowIfRefused(row);
        return View(consent, row);
    }

    /// <summary>
    /// A photo taken at the accreditation desk. The guest's consent is the portal's, or recorded now by the officer
    /// (<paramref name="consentRecorded"/>); without either the upload is refused before it is read. The upload is held to the
    /// photo rules (size, a real JPEG or PNG, pixel count before decoding, re-encoded without metadata) before the engine sees it.
    /// </summary>
    public async Task<EnrolmentView> EnrolFromDeskPhotoAsync(Guid guestId, byte[] upload, bool consentRecorded, CancellationToken ct = default)
    {
        var consent = await ConsentAsync(guestId, ct);
        if (!consent.Given && !consentRecorded)
        {
            throw new SummitException(SummitError.Conflict(FacesErrors.ConsentMissing));
        }

        var photo = PhotoProcessor.Process(upload);
        var image = FaceImage.Decode(photo.Jpeg);
        if (!consent.Given)
        {
            await guests.RecordFaceConsentAsync(guestId, ct);
            consent = consent with { Given = true };
        }

        var row = await EnrolAsync(consent, image, FaceEnrolmentSource.DeskPhoto, ct);
        ThrowIfRefused(row);
        return View(consent, row);
    }

    /// <summary>
    /// Marks an enrolled guest for the face lane (a VIP passes on the face alone) or takes the mark away; audited. Only a consenting,
    /// enrolled guest can be marked: the mark lives on the enrolment, so it goes with the template when consent is withdrawn.
    /// </summary>
    public async Task<EnrolmentView> SetFastLaneAsync(Guid guestId, FastLaneInput input, CancellationToken ct = default)
    {
        var consent = await ConsentAsync(guestId, ct);
        var row = await db.Set<FaceEnrolment>().FirstOrDefaultAsync(e => e.GuestId == guestId, ct);
        if (FastLaneRefusal(consent, row, input.FastLane) is { } refusal)
        {
            throw new SummitException(refusal);
        }

        if (await MarkAsync(row, input.FastLane, (await actor.GetAsync()).Name, clock.GetUtcNow()))
        {
            await db.SaveChangesAsync(ct);
            await lanes.ChangedAsync(ct);
        }

        return View(consent, row);
    }

    /// <summary>
    /// The face lane for the guests of a selection: each judged as <see cref="SetFastLaneAsync"/> judges one (to give it: consent and a
    /// template), those refused listed with the reason, the others changed and audited one by one and saved together; the lanes' gallery
    /// is told once.
    /// </summary>
    public async Task<BulkResult> SetFastLaneManyAsync(FastLaneSelection selection, CancellationToken ct = default)
    {
        var ids = selection.GuestIds?.Distinct().ToList() ?? [];
        if (ids.Count == 0)
        {
            throw new SummitException(SummitError.Of(FacesErrors.SelectionEmpty));
        }

        if (ids.Count > FastLaneSelection.MaxGuests)
        {
            throw new SummitException(SummitError.Of(FacesErrors.SelectionTooLarge, FastLaneSelection.MaxGuests));
        }

        var rows = await db.Set<FaceEnrolment>().Where(e => ids.Contains(e.GuestId)).ToDictionaryAsync(e => e.GuestId, ct);
        var consents = await guests.FaceConsentsAsync(ids, ct);
        var who = (await actor.GetAsync()).Name;
        var now = clock.GetUtcNow();
        var refused = new List<BulkRefusal>();
        var (done, changed) = (0, 0);
        foreach (var id in ids)
        {
            var consent = consents.GetValueOrDefault(id);
            var row = rows.GetValueOrDefault(id);
            var problem = consent is null ? SummitError.NotFound(FacesErrors.GuestNotFound, id) : FastLaneRefusal(consent, row, selection.FastLane);
            if (problem is not null)
            {
                refused.Add(new BulkRefusal(id, problem.Code, problem.Message(localizer)));
                continue;
            }

            done++;
            changed += await MarkAsync(row, selection.FastLane, who, now) ? 1 : 0;
        }

        if (changed > 0)
        {
            await db.SaveChangesAsync(ct);
            await lanes.ChangedAsync(ct);
        }

        return new BulkResult(done, refused);
    }

    /// <summary>
    /// Computes the enrolments the portal queued, a few at a time: consent is asked again first (it may have been withdrawn since),
    /// and a guest without consent or photo loses the queued row without anything computed. Returns how many were handled.
    /// </summary>
    public async Task<int> ProcessPendingAsync(CancellationToken ct = default)
    {
        var pending = await db.Set<FaceEnrolment>().AsNoTracking().Where(e => e.State == FaceEnrolmentState.Pending)
            .OrderBy(e => e.UpdatedAt).Select(e => e.GuestId).Take(PendingBatch).ToListAsync(ct);
        foreach (var guestId in pending)
        {
            var consent = await guests.FaceConsentAsync(guestId, ct);
            var jpeg = consent is { Given: true, HasPhoto: true } ? await guests.GetPhotoJpegAsync(guestId, ct) : null;
            if (consent is null || jpeg is null)
            {
                await db.Set<FaceEnrolment>().Where(e => e.GuestId == guestId && e.State == FaceEnrolmentState.Pending).ExecuteDeleteAsync(ct);
                continue;
            }

            FaceImage image;
            try
            {
                image = FaceImage.Decode(jpeg);
            }
            catch (FaceImageException ex)
            {
                // A stored photo the engine cannot read is refused like a bad one, not retried at every pass.
                await db.Set<FaceEnrolment>().Where(e => e.GuestId == guestId && e.State == FaceEnrolmentState.Pending)
                    .ExecuteUpdateAsync(u => u.SetProperty(e => e.State, FaceEnrolmentState.Refused).SetProperty(e => e.Issues, ex.Issue.Code()), ct);
                continue;
            }

            await EnrolAsync(consent, image, FaceEnrolmentSource.PortalPhoto, ct);
            db.ChangeTracker.Clear();
        }

        return pending.Count;
    }

    private async Task<FaceConsentCard> ConsentAsync(Guid guestId, CancellationToken ct) =>
        await guests.FaceConsentAsync(guestId, ct) ?? throw new SummitException(SummitError.NotFound(FacesErrors.GuestNotFound, guestId));

    /// <summary>Why the face lane cannot be given (no consent, no template); taking it away is always allowed.</summary>
    private static SummitError? FastLaneRefusal(FaceConsentCard consent, FaceEnrolment? row, bool fastLane) =>
        !fastLane ? null
        : !consent.Given ? SummitError.Conflict(FacesErrors.ConsentMissing)
        : row is not { State: FaceEnrolmentState.Enrolled } ? SummitError.Conflict(FacesErrors.NotEnrolled)
        : null;

    /// <summary>Sets the mark on the enrolment and audits it; false when there is nothing to change. Not saved.</summary>
    private async Task<bool> MarkAsync(FaceEnrolment? row, bool fastLane, string who, DateTimeOffset now)
    {
        if (row is null || row.FastLane == fastLane)
        {
            return false;
        }

        row.FastLane = fastLane;
        row.UpdatedAt = now;
        row.UpdatedBy = who;
        await audit.RecordAsync(FacesAudit.FastLaneChanged, FacesAudit.TemplateEntity, row.GuestId.ToString(), new Dictionary<string, (object?, object?)>
        {
            ["fastLane"] = (!fastLane, fastLane),
        });
        return true;
    }

    private static void RequireConsent(FaceConsentCard consent)
    {
        if (!consent.Given)
        {
            throw new SummitException(SummitError.Conflict(FacesErrors.ConsentMissing));
        }
    }

    /// <summary>Checks the photo, stores the template encrypted or the issues, audits either; saved.</summary>
    private async Task<FaceEnrolment> EnrolAsync(FaceConsentCard consent, FaceImage image, FaceEnrolmentSource source, CancellationToken ct)
    {
        var report = analyzer.CheckEnrolment(image);
        var row = await db.Set<FaceEnrolment>().FirstOrDefaultAsync(e => e.GuestId == consent.GuestId, ct);
        if (row is null)
        {
            row = new FaceEnrolment { GuestId = consent.GuestId, EventId = consent.EventId };
            db.Set<FaceEnrolment>().Add(row);
        }

        var before = row.State;
        row.Source = source;
        row.UpdatedAt = clock.GetUtcNow();
        row.UpdatedBy = (await actor.GetAsync()).Name;
        if (report is { Acceptable: true, Face: { } face })
        {
            row.State = FaceEnrolmentState.Enrolled;
            row.EncryptedTemplate = templates.Protect(face.Descriptor);
            row.Issues = "";
            await audit.RecordAsync(FacesAudit.Enrolled, FacesAudit.TemplateEntity, consent.GuestId.ToString(), new Dictionary<string, (object?, object?)>
            {
                ["source"] = (null, source.ToString()),
            });
        }
        else
        {
            // A refused photo leaves no template, not even the one an earlier photo gave: the guest is to be enrolled from a good one.
            row.State = FaceEnrolmentState.Refused;
            row.EncryptedTemplate = null;
            row.Issues = string.Join(' ', report.Issues.Select(i => i.Code()));
            await audit.RecordAsync(FacesAudit.EnrolmentRefused, FacesAudit.TemplateEntity, consent.GuestId.ToString(), new Dictionary<string, (object?, object?)>
            {
                ["source"] = (null, source.ToString()),
                ["issues"] = (before == FaceEnrolmentState.Enrolled ? "template" : null, row.Issues),
            });
        }

        await db.SaveChangesAsync(ct);
        if (row.FastLane)
        {
            // A new template, or none, for someone the face lanes may find.
            await lanes.ChangedAsync(ct);
        }

        return row;
    }

    private static void ThrowIfRefused(FaceEnrolment row)
    {
        if (row.State != FaceEnrolmentState.Refused)
        {
            return;
        }

        var issues = Issues(row.Issues);
        throw new SummitException(SummitError.Of(FacesErrors.QualityRefused, issues.Count),
            issues.Select(i => new FieldProblem("photo", i.Code, i.Text)).ToList());
    }

    internal static EnrolmentView View(FaceConsentCard consent, FaceEnrolment? row) => new(consent.GuestId, consent.Given, consent.HasPhoto, row?.State,
        row?.Source, row is null ? [] : Issues(row.Issues), row?.UpdatedAt, row?.UpdatedBy, row?.FastLane ?? false);

    /// <summary>The issues' texts come from the engine's catalog (Summit.Faces.Core), in the reader's language.</summary>
    internal static List<FaceIssueView> Issues(string codes)
    {
        var known = Enum.GetValues<FaceIssue>().ToDictionary(i => i.Code(), StringComparer.Ordinal);
        return [.. codes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(code => known.TryGetValue(code, out var issue)
            ? new FaceIssueView(code, Localizer.InReaderLanguage(issue.Text().En, issue.Text().Zh))
            : new FaceIssueView(code, code))];
    }
}
