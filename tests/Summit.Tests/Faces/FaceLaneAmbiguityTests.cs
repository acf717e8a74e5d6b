using Summit.Access.Core;
using Summit.Server.Faces.Enrolment;
using Summit.Tests.Access;

namespace Summit.Tests.Faces;

/// <summary>
/// The margin rule: two VIPs whose templates lie nearly as close to the frame make the lane ask for the code; once only one is eligible
/// the same frame passes, with the lead over the nearest other VIP recorded.
/// </summary>
public sealed class FaceLaneAmbiguityTests(FacesFactory app) : IClassFixture<FacesFactory>
{
    [Fact]
    public async Task Two_vips_nearly_as_close_make_the_lane_ask_for_the_code()
    {
        await app.MarkFaceLaneAsync(app.Venue.MainIn.Id);
        var other = FaceLaneIntents.OtherPerson();
        var (vip, _, _) = await app.EnrolledGuestAsync(FaceSamples.Portrait(), fastLane: true);
        var (far, _, _) = await app.EnrolledGuestAsync(FaceSamples.Crop(other.Photo, other.Face, 2.2), fastLane: true);
        // A second VIP enrolled from the same face: a twin, as far as templates go.
        var (twin, _, _) = await app.EnrolledGuestAsync(FaceSamples.Portrait(), fastLane: true);

        var ambiguous = await app.PassByFaceAsync(app.Venue.MainInToken, FaceLaneIntents.PortraitFrame());

        Assert.Equal(ReasonCode.FaceLaneNoMatch, ambiguous.Reason);
        Assert.Null((await app.StoredScanAsync(ambiguous.ScanId)).GuestId);

        Assert.False((await (await app.SetFastLaneAsync(twin, false)).OkAsync<EnrolmentView>()).FastLane);
        var clear = await app.PassByFaceAsync(app.Venue.MainInToken, FaceLaneIntents.PortraitFrame());

        Assert.True(clear.Admitted, clear.Reason.ToString());
        Assert.Equal(vip, clear.Holder?.GuestId);
        var scan = await app.StoredScanAsync(clear.ScanId);
        // The nearest other VIP (another person) lay well behind: more than the default margin of 0.1.
        Assert.True(scan.FaceLead is > 0.1, $"lead {scan.FaceLead}");
        Assert.NotEqual(vip, far);
    }
}
