using Microsoft.Extensions.DependencyInjection;
using Summit.Access.Core;
using Summit.Server.Access.Credentials;
using Summit.Server.Faces.Gate;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Faces;

/// <summary>
/// Consent at the face lane: a VIP who withdraws is never matched again (the template is gone and the lanes' copy with it), a
/// revoked credential is refused as revoked, and a lane with nobody eligible does not look at the frame at all.
/// </summary>
public sealed class FaceLaneConsentTests(FacesFactory app) : IClassFixture<FacesFactory>
{
    [Fact]
    public async Task A_vip_who_withdraws_consent_is_never_matched_again_and_a_revoked_code_is_refused_as_revoked()
    {
        await app.MarkFaceLaneAsync(app.Venue.MainIn.Id);
        var (vip, token, _) = await app.EnrolledGuestAsync(FaceSamples.Portrait(), fastLane: true);
        var gallery = app.Services.GetRequiredService<FaceLaneGallery>();

        var passed = await app.PassByFaceAsync(app.Venue.MainInToken, FaceLaneIntents.PortraitFrame());
        Assert.True(passed.Admitted, passed.Reason.ToString());
        Assert.True(gallery.IsLoaded);

        // Revoked: the face still finds the person, and the gate refuses the revoked credential as it would refuse the code.
        using (var officer = await app.ClientForAsync(Server.Infrastructure.Identity.Roles.AccreditationOfficer))
        {
            await (await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(officer, $"/api/v1/access/guests/{vip}/credential/revoke",
                new RevokeRequest("Badge reported lost"), Intents.Json)).OkAsync<System.Text.Json.JsonElement>();
        }

        var revoked = await app.PassByFaceAsync(app.Venue.MainInToken, FaceLaneIntents.PortraitFrame());
        Assert.Equal(ReasonCode.Revoked, revoked.Reason);
        Assert.Equal(vip, (await app.StoredScanAsync(revoked.ScanId)).GuestId);

        (await app.WithdrawFaceConsentAsync(token)).EnsureSuccessStatusCode();
        var calls = app.Analyzer.Calls;
        var withdrawn = await app.PassByFaceAsync(app.Venue.MainInToken, FaceLaneIntents.PortraitFrame());

        Assert.Null(await app.StoredEnrolmentAsync(vip));
        Assert.Equal(ReasonCode.FaceLaneNoMatch, withdrawn.Reason);
        // Nobody is eligible any more: the frame was not even analysed.
        Assert.Equal(calls, app.Analyzer.Calls);
        var scan = await app.StoredScanAsync(withdrawn.ScanId);
        Assert.Null(scan.GuestId);
        Assert.Null(scan.FaceDistance);
    }
}
