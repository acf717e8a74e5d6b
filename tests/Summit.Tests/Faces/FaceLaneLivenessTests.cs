using System.Net.Http.Json;
using Summit.Access.Core;
using Summit.Server.Faces.Settings;
using Summit.Server.Infrastructure.Identity;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Faces;

/// <summary>
/// A face lane (1:N, no code) that requires a live face (ADR 0035, amended): the worst hole of the fast lane was a printed photo of a VIP
/// held to the camera, which opened the door with no code at all. There the lane takes a burst; a burst that does not show one live head
/// turning is refused as FaceLaneNotLive (show your code) before anyone is searched for, so nobody is identified or recorded; a head that
/// turns passes as the VIP's code would. Without the switch, one frame opens the lane as before.
/// </summary>
public sealed class FaceLaneLivenessTests(FaceLaneLivenessTests.World app) : IClassFixture<FaceLaneLivenessTests.World>
{
    /// <summary>The VIP looking at the camera: sample6.jpg's first face, turned a little (the face FaceLivenessGateTests turns).</summary>
    private static byte[] Looking() => FaceSamples.Crop("sample6.jpg", 0, 1.8, quality: 80);

    /// <summary>The same head turned the other way (its mirror image): the only turn of one person that exists here.</summary>
    private static byte[] TurnedTheOtherWay() => FaceSamples.Crop("sample6.jpg", 0, 1.8, quality: 80, mirror: true);

    [Fact]
    public async Task A_held_up_photo_of_a_vip_does_not_open_a_live_face_lane_and_a_turning_head_does()
    {
        var (vip, _) = await app.ArrangedAsync();
        var photo = Looking();

        var held = await app.PassByBurstAsync(app.Venue.ForumInToken, [photo, photo, photo]);
        var moved = await app.PassByBurstAsync(app.Venue.ForumInToken, [Looking(), FaceSamples.Crop("sample6.jpg", 0, 2.2, quality: 70), Looking()]);
        var oneFrame = await app.PassByFaceAsync(app.Venue.ForumInToken, Looking());
        var swapped = await app.PassByBurstAsync(app.Venue.ForumInToken, [Looking(), Looking(), FaceLaneIntents.PortraitFrame()]);
        var turning = await app.PassByBurstAsync(app.Venue.ForumInToken, [Looking(), Looking(), TurnedTheOtherWay()]);

        foreach (var refused in new[] { held, moved, oneFrame, swapped })
        {
            Assert.Equal(ReasonCode.FaceLaneNotLive, refused.Reason);
            Assert.False(refused.Admitted);
            Assert.Null(refused.Holder);
            // Nobody is identified from a burst that was not live: nothing about a person is recorded.
            var scan = await app.StoredScanAsync(refused.ScanId);
            Assert.True(scan.FaceLane);
            Assert.Equal((null, null, null, null), (scan.GuestId, scan.CredentialId, scan.FaceDistance, scan.FaceLead));
        }

        Assert.Equal(30, held.ReasonNumber);
        Assert.Equal((GateVerdictTexts.For(ReasonCode.FaceLaneNotLive).En, GateVerdictTexts.For(ReasonCode.FaceLaneNotLive).Zh), (held.Message, held.MessageZh));
        Assert.Equal("No live face seen: turn your head slightly, or show your code", held.Message);
        Assert.True(turning.Admitted, turning.Reason.ToString());
        Assert.Equal(vip, turning.Holder?.GuestId);
        var admitted = await app.StoredScanAsync(turning.ScanId);
        Assert.Equal(vip, admitted.GuestId);
        Assert.True(admitted.FaceLane);
        Assert.True(admitted.FaceDistance is > 0 and < 0.45, $"distance {admitted.FaceDistance}");
        Assert.True(admitted.FaceLead > 0.1, $"lead {admitted.FaceLead}");
    }

    [Fact]
    public async Task At_a_live_face_lane_a_stranger_who_turns_is_still_asked_for_the_code()
    {
        await app.ArrangedAsync();
        var stranger = FaceLaneIntents.OtherPerson();
        var frame = FaceLaneIntents.FrameOf(stranger);
        var mirrored = FaceSamples.Crop(stranger.Photo, stranger.Face, 2.2, quality: 85, mirror: true);

        var scan = await app.PassByBurstAsync(app.Venue.ForumInToken, [frame, frame, mirrored]);

        // A live burst is still searched as one frame is: nobody clearly ahead, nobody admitted.
        Assert.Equal(ReasonCode.FaceLaneNoMatch, scan.Reason);
        Assert.Null((await app.StoredScanAsync(scan.ScanId)).GuestId);
    }

    [Fact]
    public async Task Without_the_switch_one_frame_still_opens_the_face_lane_and_only_it_is_looked_at()
    {
        var (vip, _) = await app.ArrangedAsync();
        var calls = app.Analyzer.Calls;

        var passed = await app.PassByBurstAsync(app.Venue.MainInToken, [Looking(), Looking(), Looking()]);

        Assert.True(passed.Admitted, passed.Reason.ToString());
        Assert.Equal(vip, passed.Holder?.GuestId);
        Assert.Equal(calls + 1, app.Analyzer.Calls);
    }

    [Fact]
    public async Task The_live_face_switch_is_on_at_the_face_lane_and_audited()
    {
        await app.ArrangedAsync();
        using var security = await app.ClientForAsync(Roles.SecurityOfficer);

        var gates = await (await security.GetAsync("/api/v1/faces/gates")).OkAsync<List<GateFaceView>>();

        var forum = gates.Single(g => g.GateId == app.Venue.ForumIn.Id);
        Assert.Equal((true, true, true), (forum.FacesOn, forum.FaceLane, forum.Liveness));
        var main = gates.Single(g => g.GateId == app.Venue.MainIn.Id);
        Assert.Equal((true, false), (main.FaceLane, main.Liveness));
        Assert.Contains(Server.Faces.FacesAudit.LivenessSwitched, await app.AuditActionsOfAsync("gate", app.Venue.ForumIn.Id));
    }

    /// <summary>
    /// Two VIPs (sample6.jpg's first face, which turns, and the portrait's person), FORUM-IN a face lane that requires a live face, MAIN-IN a
    /// face lane without the switch.
    /// </summary>
    public sealed class World : FacesFactory
    {
        private readonly Lazy<Task<(Guid Vip, Guid Other)>> _arranged;

        public World() => _arranged = new(ArrangeAsync, LazyThreadSafetyMode.ExecutionAndPublication);

        public Task<(Guid Vip, Guid Other)> ArrangedAsync() => _arranged.Value;

        private async Task<(Guid Vip, Guid Other)> ArrangeAsync()
        {
            var (vip, _, _) = await this.EnrolledGuestAsync(FaceSamples.Crop("sample6.jpg", 0, 2.2), fastLane: true);
            var (other, _, _) = await this.EnrolledGuestAsync(FaceSamples.Portrait(), fastLane: true);
            await this.MarkFaceLaneAsync(Venue.MainIn.Id);
            await this.MarkFaceLaneAsync(Venue.ForumIn.Id);
            using var security = await this.ClientForAsync(Roles.SecurityOfficer);
            var live = await (await security.PutAsJsonAsync($"/api/v1/faces/gates/{Venue.ForumIn.Id}", new GateFaceInput(true, FaceLane: true, Liveness: true),
                Intents.Json)).OkAsync<GateFaceView>();
            Assert.Equal((true, true), (live.FaceLane, live.Liveness));
            return (vip, other);
        }
    }
}

