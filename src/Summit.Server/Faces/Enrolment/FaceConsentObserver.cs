using Microsoft.EntityFrameworkCore;
using Summit.Server.Faces.Gate;
using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Faces.Enrolment;

/// <summary>
/// Follows a guest's face consent inside the Guests module's unit of work: a withdrawal deletes the template in the same save (and
/// says so in the audit log); consent with a photo queues an enrolment, which the worker computes outside the guest's request.
/// </summary>
public sealed class FaceConsentObserver(SummitDbContext db, AuditLog audit, TimeProvider clock, CurrentActor actor, FaceLaneGallery lanes) : IFaceConsentObserver
{
    public async Task OnFaceConsentChangedAsync(FaceConsentChange change, CancellationToken ct)
    {
        var row = await db.Set<FaceEnrolment>().FirstOrDefaultAsync(e => e.GuestId == change.GuestId, ct);
        if (!change.Given)
        {
            if (row is not null)
            {
                db.Set<FaceEnrolment>().Remove(row);
                await audit.RecordAsync(FacesAudit.TemplateDeleted, FacesAudit.TemplateEntity, change.GuestId.ToString(), new Dictionary<string, (object?, object?)>
                {
                    ["reason"] = (null, "consent_withdrawn"),
                    ["template"] = (row.State == FaceEnrolmentState.Enrolled, false),
                });
                if (row.FastLane)
                {
                    // The face lanes drop their decrypted copy now; one rebuilt before this save commits is caught by its row stamp.
                    await lanes.ChangedAsync(ct);
                }
            }

            return;
        }

        // Consent given again without a new photo keeps an enrolment already made (a desk photo is usually the better one).
        if (row is not null && !change.PhotoChanged && row.State != FaceEnrolmentState.Refused)
        {
            return;
        }

        if (row is null)
        {
            row = new FaceEnrolment { GuestId = change.GuestId, EventId = change.EventId };
            db.Set<FaceEnrolment>().Add(row);
        }

        row.State = FaceEnrolmentState.Pending;
        row.Source = FaceEnrolmentSource.PortalPhoto;
        row.EncryptedTemplate = null;
        row.Issues = "";
        row.UpdatedAt = clock.GetUtcNow();
        row.UpdatedBy = (await actor.GetAsync()).Name;
    }
}
