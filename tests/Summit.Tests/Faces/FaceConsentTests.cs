using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Faces.Core;
using Summit.Server.Faces;
using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Security;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Faces;

/// <summary>Consent first (issue 14): no consent, nothing computed and nothing stored; a withdrawal deletes the template at once.</summary>
public sealed class FaceConsentTests(FacesFactory app) : IClassFixture<FacesFactory>
{
    [Fact]
    public async Task Without_face_consent_the_engine_is_not_called_and_nothing_is_stored()
    {
        var (guestId, _) = await app.RegisteredAsync(FaceSamples.Portrait(), faceConsent: false);
        var calls = app.Analyzer.Calls;

        await app.RunEnrolmentsAsync();
        var staffAction = await app.EnrolFromPhotoAsync(guestId);
        var deskPhoto = await app.DeskPhotoAsync(guestId, FaceSamples.Portrait(), consentRecorded: false);

        await staffAction.AssertProblemAsync(409, FacesErrors.ConsentMissing);
        await deskPhoto.AssertProblemAsync(409, FacesErrors.ConsentMissing);
        Assert.Equal(calls, app.Analyzer.Calls);
        Assert.Null(await app.StoredEnrolmentAsync(guestId));
        var view = await app.EnrolmentOfAsync(guestId);
        Assert.False(view.ConsentGiven);
        Assert.Null(view.State);
    }

    [Fact]
    public async Task Consent_with_a_portal_photo_enrols_the_guest_with_the_template_encrypted()
    {
        var (guestId, _) = await app.RegisteredAsync(FaceSamples.Portrait(), faceConsent: true);
        Assert.Equal(FaceEnrolmentState.Pending, (await app.StoredEnrolmentAsync(guestId))!.State);

        await app.RunEnrolmentsAsync();

        var stored = (await app.StoredEnrolmentAsync(guestId))!;
        Assert.Equal(FaceEnrolmentState.Enrolled, stored.State);
        Assert.Equal(FaceEnrolmentSource.PortalPhoto, stored.Source);
        // Stored encrypted: not the 512 bytes of the descriptor, and they only come back through the field protector.
        Assert.NotEqual(FaceDescriptor.ByteLength, stored.EncryptedTemplate!.Length);
        var clear = app.Services.GetRequiredService<FieldProtector>().Unprotect(stored.EncryptedTemplate);
        Assert.Equal(FaceDescriptor.ByteLength, clear.Length);
        Assert.DoesNotContain(Convert.ToBase64String(clear)[..16], Convert.ToBase64String(stored.EncryptedTemplate), StringComparison.Ordinal);
        // The audit log says a template was made, never what it is.
        var first = FaceDescriptor.FromBytes(clear).Values[0].ToString(System.Globalization.CultureInfo.InvariantCulture);
        var changes = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == FacesAudit.TemplateEntity).Select(a => a.Changes ?? "").ToListAsync());
        Assert.All(changes, c => Assert.DoesNotContain(first, c, StringComparison.Ordinal));
        Assert.Contains(FacesAudit.Enrolled, await app.AuditActionsOfAsync(FacesAudit.TemplateEntity, guestId));
    }

    [Fact]
    public async Task Withdrawing_consent_deletes_the_template_at_once_and_is_audited()
    {
        var (guestId, token) = await app.RegisteredAsync(FaceSamples.Portrait(), faceConsent: true);
        await app.RunEnrolmentsAsync();
        Assert.Equal(FaceEnrolmentState.Enrolled, (await app.StoredEnrolmentAsync(guestId))!.State);

        var withdrawn = await app.WithdrawFaceConsentAsync(token);

        Assert.True(withdrawn.IsSuccessStatusCode);
        Assert.Null(await app.StoredEnrolmentAsync(guestId));
        Assert.Contains(FacesAudit.TemplateDeleted, await app.AuditActionsOfAsync(FacesAudit.TemplateEntity, guestId));
        var consent = await app.InScopeAsync(sp => sp.GetRequiredService<IGuestDirectory>().FaceConsentAsync(guestId));
        Assert.False(consent!.Given);
        // And nothing comes back: the worker finds nothing to do, the staff action is refused.
        await app.RunEnrolmentsAsync();
        Assert.Null(await app.StoredEnrolmentAsync(guestId));
        await (await app.EnrolFromPhotoAsync(guestId)).AssertProblemAsync(409, FacesErrors.ConsentMissing);
    }

    [Fact]
    public async Task Consent_withdrawn_before_the_queued_enrolment_runs_computes_nothing()
    {
        var (guestId, token) = await app.RegisteredAsync(FaceSamples.Portrait(), faceConsent: true);
        await app.WithdrawFaceConsentAsync(token);
        var calls = app.Analyzer.Calls;

        await app.RunEnrolmentsAsync();

        Assert.Equal(calls, app.Analyzer.Calls);
        Assert.Null(await app.StoredEnrolmentAsync(guestId));
    }
}
