using Summit.Access.Core;
using Summit.Server.Faces;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Faces;

/// <summary>
/// The VIP fast lane (1:N, ADR 0034): at a gate marked as a face lane, a guest marked for it passes on the face alone, decided as their
/// code would be; an enrolled guest who is not marked, a stranger, a gate that is no face lane or has faces off: show your code.
/// </summary>
public sealed class FaceLaneTests(FaceLaneTests.World app) : IClassFixture<FaceLaneTests.World>
{
    [Fact]
    public async Task A_vip_passes_a_face_lane_without_a_code_as_their_code_would_pass()
    {
        var (vip, other) = await app.ArrangedAsync();

        var passed = await app.PassByFaceAsync(app.Venue.MainInToken, FaceLaneIntents.PortraitFrame());
        var again = await app.PassByFaceAsync(app.Venue.MainInToken, FaceLaneIntents.PortraitFrame());

        Assert.True(passed.Admitted, passed.Reason.ToString());
        Assert.Equal(vip, passed.Holder?.GuestId);
        var scan = await app.StoredScanAsync(passed.ScanId);
        Assert.Equal(vip, scan.GuestId);
        Assert.True(scan.FaceLane);
        Assert.True(scan.FaceDistance is > 0 and < 0.45, $"distance {scan.FaceDistance}");
        // The lane's only VIP: no second person, no lead.
        Assert.Null(scan.FaceLead);
        // The same gate decision as the code: anti-passback holds for this guest.
        Assert.Equal(ReasonCode.AlreadyInside, again.Reason);
        Assert.Equal(vip, (await app.StoredScanAsync(again.ScanId)).GuestId);
        Assert.NotEqual(vip, other);
    }

    [Fact]
    public async Task An_enrolled_guest_who_is_not_a_vip_is_asked_for_the_code_and_passes_with_it()
    {
        var (_, other) = await app.ArrangedAsync();
        var frame = FaceLaneIntents.FrameOf(app.Other);
        var calls = app.Analyzer.Calls;

        var refused = await app.PassByFaceAsync(app.Venue.MainInToken, frame);
        var withCode = await app.PassWithCodeAsync(app.Venue.MainInToken, app.OtherCode, frame);

        Assert.False(refused.Admitted);
        Assert.Equal(ReasonCode.FaceLaneNoMatch, refused.Reason);
        Assert.Equal(28, refused.ReasonNumber);
        Assert.Equal("Face not recognised clearly: please show your code", refused.Message);
        Assert.Equal("未能确认人脸：请出示通行码", refused.MessageZh);
        Assert.Null(refused.Holder);
        // The frame was looked at (the lane has a VIP), and nobody was identified or recorded by name.
        Assert.True(app.Analyzer.Calls > calls);
        var scan = await app.StoredScanAsync(refused.ScanId);
        Assert.True(scan.FaceLane);
        Assert.Equal((null, null, null, null), (scan.GuestId, scan.CredentialId, scan.FaceDistance, scan.FaceLead));
        Assert.True(withCode.Admitted, withCode.Reason.ToString());
        Assert.Equal(other, withCode.Holder?.GuestId);
    }

    [Fact]
    public async Task A_stranger_is_asked_for_the_code()
    {
        await app.ArrangedAsync();
        var stranger = FaceSamples.AllFaces().First(f => f != ("sample6.jpg", 2) && f != app.Other);

        var scan = await app.PassByFaceAsync(app.Venue.MainInToken, FaceLaneIntents.FrameOf(stranger));

        Assert.Equal(ReasonCode.FaceLaneNoMatch, scan.Reason);
    }

    [Fact]
    public async Task A_frame_without_a_code_at_a_gate_that_is_no_face_lane_is_not_looked_at()
    {
        await app.ArrangedAsync();
        var calls = app.Analyzer.Calls;

        var scan = await app.PassByFaceAsync(app.Venue.ForumInToken, FaceLaneIntents.PortraitFrame());

        Assert.Equal(ReasonCode.BadFormat, scan.Reason);
        Assert.Equal(calls, app.Analyzer.Calls);
        Assert.False((await app.StoredScanAsync(scan.ScanId)).FaceLane);
    }

    [Fact]
    public async Task A_face_lane_with_faces_switched_off_asks_for_the_code_without_looking()
    {
        await app.ArrangedAsync();
        var gate = await app.MarkFaceLaneAsync(app.Venue.VipIn.Id, facesOn: false);
        var calls = app.Analyzer.Calls;

        var scan = await app.PassByFaceAsync(app.Venue.VipInToken, FaceLaneIntents.PortraitFrame());

        Assert.Equal((false, true), (gate.FacesOn, gate.FaceLane));
        Assert.Equal(ReasonCode.FaceLaneNoMatch, scan.Reason);
        Assert.Equal(calls, app.Analyzer.Calls);
    }

    [Fact]
    public async Task Only_an_enrolled_consenting_guest_can_be_marked_for_the_fast_lane_and_the_mark_is_audited()
    {
        var (vip, _) = await app.ArrangedAsync();
        var (withoutConsent, _) = await app.RegisteredAsync(FaceSamples.Portrait(), faceConsent: false);
        var (noFace, _) = await app.RegisteredAsync(TestImages.Jpeg(400, 500), faceConsent: true);
        await app.RunEnrolmentsAsync();
        var calls = app.Analyzer.Calls;

        await (await app.SetFastLaneAsync(withoutConsent, true)).AssertProblemAsync(409, FacesErrors.ConsentMissing);
        await (await app.SetFastLaneAsync(noFace, true)).AssertProblemAsync(409, FacesErrors.NotEnrolled);

        Assert.Equal(calls, app.Analyzer.Calls);
        Assert.Null(await app.StoredEnrolmentAsync(withoutConsent));
        Assert.False((await app.StoredEnrolmentAsync(noFace))!.FastLane);
        Assert.Contains(FacesAudit.FastLaneChanged, await app.AuditActionsOfAsync(FacesAudit.TemplateEntity, vip));
    }

    [Fact]
    public async Task Only_a_gate_with_an_entry_lane_can_be_a_face_lane()
    {
        await app.ArrangedAsync();
        using var security = await app.ClientForAsync(Server.Infrastructure.Identity.Roles.SecurityOfficer);

        var response = await System.Net.Http.Json.HttpClientJsonExtensions.PutAsJsonAsync(security, $"/api/v1/faces/gates/{app.Venue.MainOut.Id}",
            new Server.Faces.Settings.GateFaceInput(true, FaceLane: true), Intents.Json);

        await response.AssertProblemAsync(409, FacesErrors.LaneNeedsEntry);
    }

    /// <summary>One VIP (the portrait's person), one enrolled guest who is not (another sample face), and gate MAIN-IN as a face lane.</summary>
    public sealed class World : FacesFactory
    {
        private readonly Lazy<Task<(Guid Vip, Guid Other)>> _arranged;

        public World() => _arranged = new(ArrangeAsync, LazyThreadSafetyMode.ExecutionAndPublication);

        public (string Photo, int Face) Other { get; private set; }

        public string OtherCode { get; private set; } = "";

        public Task<(Guid Vip, Guid Other)> ArrangedAsync() => _arranged.Value;

        private async Task<(Guid Vip, Guid Other)> ArrangeAsync()
        {
            Other = FaceLaneIntents.OtherPerson();
            var (vip, _, _) = await this.EnrolledGuestAsync(FaceSamples.Portrait(), fastLane: true);
            var (other, _, code) = await this.EnrolledGuestAsync(FaceSamples.Crop(Other.Photo, Other.Face, 2.2), fastLane: false);
            OtherCode = code;
            await this.MarkFaceLaneAsync(Venue.MainIn.Id);
            return (vip, other);
        }
    }
}
