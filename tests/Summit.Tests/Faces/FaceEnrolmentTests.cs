using Summit.Faces.Core;
using Summit.Server;
using Summit.Server.Faces;
using Summit.Server.Faces.Enrolment;
using Summit.Server.Infrastructure.Audit;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Faces;

/// <summary>Enrolment from the portal photo (a staff action) and from a desk photo: the quality check's reasons, hostile uploads.</summary>
public sealed class FaceEnrolmentTests(FacesFactory app) : IClassFixture<FacesFactory>
{
    [Fact]
    public async Task An_officer_enrols_a_consenting_guest_from_the_portal_photo()
    {
        var (guestId, _) = await app.RegisteredAsync(FaceSamples.Portrait(), faceConsent: true);

        var view = await (await app.EnrolFromPhotoAsync(guestId)).OkAsync<EnrolmentView>();

        Assert.Equal(FaceEnrolmentState.Enrolled, view.State);
        Assert.Empty(view.Issues);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-Hans")]
    public async Task A_group_photo_at_the_desk_is_refused_with_what_to_change_in_the_officers_language(string language)
    {
        var (guestId, _) = await app.RegisteredAsync(FaceSamples.Portrait(), faceConsent: true);

        var response = await app.DeskPhotoAsync(guestId, FaceSamples.GroupPhoto(), consentRecorded: false, language);

        await response.AssertProblemAsync(422, FacesErrors.QualityRefused);
        var problem = await response.ProblemAsync();
        var several = FaceIssue.SeveralFaces;
        var texts = problem.GetProperty("details").EnumerateArray().Select(e => (Code: e.GetProperty("code").GetString(), Text: e.GetProperty("message").GetString()))
            .ToList();
        Assert.Contains((several.Code(), language == "en" ? several.Text().En : several.Text().Zh), texts);
        var view = await app.EnrolmentOfAsync(guestId, language);
        Assert.Equal(FaceEnrolmentState.Refused, view.State);
        Assert.Contains(view.Issues, i => i.Code == several.Code());
        Assert.Null((await app.StoredEnrolmentAsync(guestId))!.EncryptedTemplate);
    }

    [Fact]
    public async Task A_desk_photo_with_consent_recorded_there_enrols_the_guest_and_records_the_consent()
    {
        var (guestId, token) = await app.RegisteredAsync(FaceSamples.Portrait(), faceConsent: false);

        var view = await (await app.DeskPhotoAsync(guestId, FaceSamples.Portrait(), consentRecorded: true)).OkAsync<EnrolmentView>();

        Assert.Equal(FaceEnrolmentState.Enrolled, view.State);
        Assert.Equal(FaceEnrolmentSource.DeskPhoto, view.Source);
        Assert.True(view.ConsentGiven);
        Assert.Contains(AuditActions.GuestFaceConsentRecorded, await app.AuditActionsOfAsync("guest", guestId));
        // Consent recorded at the desk is withdrawn in the portal like any other, and the template goes with it.
        await app.WithdrawFaceConsentAsync(token);
        Assert.Null(await app.StoredEnrolmentAsync(guestId));
    }

    [Fact]
    public async Task Hostile_desk_uploads_are_refused_before_the_engine_sees_them()
    {
        var (guestId, _) = await app.RegisteredAsync(FaceSamples.Portrait(), faceConsent: true);
        var calls = app.Analyzer.Calls;

        var notAnImage = await app.DeskPhotoAsync(guestId, "GIF89a not really"u8.ToArray(), consentRecorded: false);
        var tooLarge = await app.DeskPhotoAsync(guestId, new byte[6 * 1024 * 1024], consentRecorded: false);
        var claimsHugeCanvas = await app.DeskPhotoAsync(guestId, TestImages.PngClaiming(20_000, 20_000), consentRecorded: false);

        await notAnImage.AssertProblemAsync(422, ErrorCodes.PhotoType);
        Assert.Equal(413, (int)tooLarge.StatusCode);
        await claimsHugeCanvas.AssertProblemAsync(422, ErrorCodes.PhotoPixels);
        Assert.Equal(calls, app.Analyzer.Calls);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-Hans")]
    public async Task The_guest_reads_in_the_portal_why_the_photo_was_refused(string language)
    {
        var (_, token) = await app.RegisteredAsync(TestImages.Jpeg(400, 500), faceConsent: true);
        await app.RunEnrolmentsAsync();
        using var guest = app.CreateClient();
        guest.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var view = await (await guest.GetAsync($"/api/v1/portal/{token}")).OkAsync<Summit.Server.Guests.Portal.PortalView>();

        Assert.False(view.Face!.Enrolled);
        var none = FaceIssue.NoFace.Text();
        Assert.Equal([language == "en" ? none.En : none.Zh], view.Face.Issues);
    }

    [Fact]
    public void Every_quality_issue_has_a_text_in_both_languages()
    {
        Assert.All(Enum.GetValues<FaceIssue>(), issue =>
        {
            Assert.False(string.IsNullOrWhiteSpace(issue.Text().En));
            Assert.False(string.IsNullOrWhiteSpace(issue.Text().Zh));
        });
    }
}
