using Summit.Server.Infrastructure.Identity;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Faces;

/// <summary>The module's sections on other modules' pages: the guest page's face panel and the event settings' face settings.</summary>
public sealed class FacePagesTests(FacesFactory app) : IClassFixture<FacesFactory>
{
    [Theory]
    [InlineData("en", "Face verification", "No face consent")]
    [InlineData("zh-Hans", "人脸核验", "未同意人脸核验")]
    public async Task The_guest_page_shows_the_face_panel_to_accreditation_only(string language, string heading, string state)
    {
        var (guestId, _) = await app.RegisteredAsync(TestImages.Jpeg(400, 500), faceConsent: false);

        var html = await app.PageAsync(Roles.AccreditationOfficer, $"/guests/{guestId}", language);
        var security = await app.PageAsync(Roles.SecurityOfficer, $"/guests/{guestId}", language);

        Assert.Contains("data-testid=\"face-panel\"", html, StringComparison.Ordinal);
        Assert.Contains(heading, html, StringComparison.Ordinal);
        Assert.Contains(state, html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"face-enrol-photo\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"face-panel\"", security, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_consenting_guest_with_a_photo_is_offered_enrolment_from_it()
    {
        var (guestId, _) = await app.RegisteredAsync(TestImages.Jpeg(400, 500), faceConsent: true);

        var html = await app.PageAsync(Roles.AccreditationOfficer, $"/guests/{guestId}");

        Assert.Contains("data-testid=\"face-enrol-photo\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Threshold (distance)")]
    [InlineData("zh-Hans", "阈值（距离）")]
    public async Task The_event_settings_page_has_the_face_settings_for_the_admin_only(string language, string field)
    {
        var html = await app.PageAsync(Roles.Admin, "/event", language);
        var secretariat = await app.PageAsync(Roles.Secretariat, "/event", language);

        Assert.Contains(field, html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"face-settings-save\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"face-settings\"", secretariat, StringComparison.Ordinal);
    }
}
