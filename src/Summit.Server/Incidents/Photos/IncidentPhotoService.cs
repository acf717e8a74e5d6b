using Microsoft.EntityFrameworkCore;
using Summit.Server.Incidents.Reading;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Images;
using Summit.Server.Infrastructure.Security;

namespace Summit.Server.Incidents.Photos;

/// <summary>
/// An incident's photos, held to the guest photo rules (size limit, a real JPEG or PNG, re-encoded without metadata) and stored
/// encrypted, up to <see cref="MaxPhotos"/>; every view of one is audited.
/// </summary>
public sealed class IncidentPhotoService(SummitDbContext db, IncidentStore store, FieldProtector protector)
{
    public const int MaxPhotos = 10;

    /// <summary>Adds a photo with the guest photo rules: size limit, a real JPEG or PNG, re-encoded without metadata, encrypted.</summary>
    public async Task<AttachmentView> AddPhotoAsync(string number, byte[] upload, CancellationToken ct = default)
    {
        var incident = await store.LoadAsync(number, tracked: false, ct);
        var (actor, roles) = await store.WhoAsync(ct);
        IncidentStore.EnsureMayAct(incident, actor, roles);
        await EnsureRoomForPhotoAsync(incident, ct);
        // Decoded before the incident is locked: the seconds a large photo may take hold up no one else's photo or comment.
        var processed = PhotoProcessor.Process(upload);
        IncidentAttachment? stored = null;
        await store.AppendAsync(incident, async now =>
        {
            // Counted again under the incident's lock, so that photos sent at once cannot pass the limit together.
            await EnsureRoomForPhotoAsync(incident, ct);
            stored = await StoreAsync(incident, processed, actor, now);
        }, ct);
        return new AttachmentView(stored!.Id, stored.Width, stored.Height, stored.UploadedAt, stored.UploadedBy);
    }

    /// <summary>A photo as JPEG; every view is in the audit log. Photos of a health incident are for the roles that read its health details.</summary>
    public async Task<byte[]> GetPhotoAsync(string number, Guid attachmentId, CancellationToken ct = default)
    {
        var incident = await store.LoadAsync(number, tracked: false, ct);
        if (HealthDetails.HeldBy(incident) && !HealthDetails.MayRead((await store.WhoAsync(ct)).Roles))
        {
            throw new SummitException(new SummitError(IncidentErrors.HealthDetailsRestricted, [incident.DisplayNumber], StatusCodes.Status403Forbidden));
        }

        var attachment = await db.Set<IncidentAttachment>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.IncidentId == incident.Id, ct)
            ?? throw new SummitException(SummitError.NotFound(IncidentErrors.AttachmentNotFound, attachmentId));
        await store.AuditAsync(incident, IncidentAuditActions.PhotoViewed, new Dictionary<string, (object?, object?)>
        {
            ["photo"] = (null, attachment.Id),
        });
        await db.SaveChangesAsync(ct);
        return protector.Unprotect(attachment.EncryptedJpeg);
    }

    /// <summary>Stores a processed photo encrypted with its timeline line and audit entry, in the caller's unit of work (not saved).</summary>
    public async Task<IncidentAttachment> StoreAsync(Incident incident, ProcessedPhoto photo, Actor actor, DateTimeOffset now)
    {
        var attachment = new IncidentAttachment
        {
            IncidentId = incident.Id,
            EncryptedJpeg = protector.Protect(photo.Jpeg),
            Width = photo.Width,
            Height = photo.Height,
            UploadedAt = now,
            UploadedBy = actor.Name,
        };
        db.Add(attachment);
        store.AddTimeline(incident, TimelineKind.PhotoAdded, actor.Name, null, now);
        await store.AuditAsync(incident, IncidentAuditActions.PhotoUploaded, new Dictionary<string, (object?, object?)>
        {
            ["photo"] = (null, attachment.Id),
            ["size"] = (null, $"{photo.Width}x{photo.Height}"),
        });
        return attachment;
    }

    private async Task EnsureRoomForPhotoAsync(Incident incident, CancellationToken ct)
    {
        if (await db.Set<IncidentAttachment>().CountAsync(a => a.IncidentId == incident.Id, ct) >= MaxPhotos)
        {
            throw new SummitException(SummitError.Of(IncidentErrors.AttachmentLimit, MaxPhotos));
        }
    }
}
