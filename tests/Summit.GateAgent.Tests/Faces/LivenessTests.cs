using Summit.Access.Core;

namespace Summit.GateAgent.Tests.Faces;

/// <summary>
/// A gate that requires a live face, offline (ADR 0035): the agent takes a burst of frames from its camera folder and refuses a face that
/// did not turn (a held-up photo, the same frame repeated) as FaceNotLive with the server's texts; a turning head passes; nothing is taken
/// for a holder without a template; a gate without the switch takes one frame as before.
/// </summary>
public sealed class LivenessTests
{
    [Fact]
    public async Task A_still_face_is_refused_as_not_live_offline_and_a_turning_head_passes()
    {
        var holder = GateWorld.Issue();
        await using var gate = await AgentHarness.StartAsync(camera: true, faceReader: new CountingFaceReader(), faces: TurningHolder(holder, liveness: true));
        gate.Server.Down = true;

        var still = FaceSamples.TurningHolderFrame();
        gate.Show(still, still, still);
        var held = gate.Agent.Scan(holder.Code);
        gate.Show(FaceSamples.TurningHolderFrame(), FaceSamples.TurningHolderFrame(), FaceSamples.TurningHolderFrame(turnedTheOtherWay: true));
        var turning = gate.Agent.Scan(holder.Code);

        Assert.Equal(ReasonCode.FaceNotLive, held.Reason);
        Assert.Equal((GateVerdictTexts.For(ReasonCode.FaceNotLive).En, GateVerdictTexts.For(ReasonCode.FaceNotLive).Zh), (held.Message.En, held.Message.Zh));
        Assert.True(held.FaceDistance <= 0.45, $"the face matched: {held.FaceDistance}");
        Assert.True(turning.Admitted, turning.ToLine());
        // The whole burst was taken and none of it kept.
        Assert.Equal(0, gate.FramesWaiting);

        gate.Server.Down = false;
        Assert.True((await gate.Agent.UploadNowAsync()).Complete);
        Assert.Equal(ReasonCode.FaceNotLive, gate.Server.Recorded[held.Nonce].Reason);
    }

    [Fact]
    public async Task One_frame_is_not_enough_at_a_liveness_gate()
    {
        var holder = GateWorld.Issue();
        await using var gate = await AgentHarness.StartAsync(camera: true, faceReader: new CountingFaceReader(), faces: TurningHolder(holder, liveness: true));
        gate.Show(FaceSamples.TurningHolderFrame(turnedTheOtherWay: true));

        var verdict = gate.Agent.Scan(holder.Code);

        Assert.Equal(ReasonCode.FaceNotLive, verdict.Reason);
    }

    [Fact]
    public async Task Without_a_template_no_frame_of_the_burst_is_taken()
    {
        var enrolled = GateWorld.Issue();
        var withoutConsent = GateWorld.Issue();
        var reader = new CountingFaceReader();
        await using var gate = await AgentHarness.StartAsync(camera: true, faceReader: reader, faces: TurningHolder(enrolled, liveness: true));
        gate.Show(FaceSamples.TurningHolderFrame(), FaceSamples.TurningHolderFrame(), FaceSamples.TurningHolderFrame());

        var verdict = gate.Agent.Scan(withoutConsent.Code);

        Assert.True(verdict.Admitted, verdict.ToLine());
        Assert.Equal(0, reader.Calls);
        Assert.Equal(3, gate.FramesWaiting);
    }

    [Fact]
    public async Task Without_the_switch_one_frame_is_taken_and_a_still_face_passes_as_before()
    {
        var holder = GateWorld.Issue();
        var reader = new CountingFaceReader();
        await using var gate = await AgentHarness.StartAsync(camera: true, faceReader: reader, faces: TurningHolder(holder, liveness: false));
        var still = FaceSamples.TurningHolderFrame();
        gate.Show(still, still, still);

        var verdict = gate.Agent.Scan(holder.Code);

        Assert.True(verdict.Admitted, verdict.ToLine());
        Assert.Equal(1, reader.Calls);
        Assert.Equal(2, gate.FramesWaiting);
    }

    [Fact]
    public async Task A_held_up_photo_of_a_vip_does_not_open_a_live_face_lane_offline_and_a_turning_head_does()
    {
        var vip = GateWorld.Issue();
        await using var gate = await AgentHarness.StartAsync(camera: true, faceReader: new CountingFaceReader(), faces: TurningVip(vip, liveness: true));
        gate.Server.Down = true;

        var photo = FaceSamples.TurningHolderFrame();
        gate.Show(photo, photo, photo);
        var held = gate.Agent.Scan("");
        gate.Show(FaceSamples.TurningHolderFrame(turnedTheOtherWay: true));
        var oneFrame = gate.Agent.Scan("");
        gate.Show(FaceSamples.TurningHolderFrame(), FaceSamples.TurningHolderFrame(), FaceSamples.HolderFrame());
        var swapped = gate.Agent.Scan("");
        gate.Show(FaceSamples.TurningHolderFrame(), FaceSamples.TurningHolderFrame(), FaceSamples.TurningHolderFrame(turnedTheOtherWay: true));
        var turning = gate.Agent.Scan("");

        foreach (var refused in new[] { held, oneFrame, swapped })
        {
            Assert.Equal(ReasonCode.FaceLaneNotLive, refused.Reason);
            // Nobody is identified from a burst that was not live.
            Assert.Equal((null, null, null, true), (refused.CredentialId, refused.HolderId, refused.FaceDistance, refused.FaceLane));
        }

        Assert.Equal((GateVerdictTexts.For(ReasonCode.FaceLaneNotLive).En, GateVerdictTexts.For(ReasonCode.FaceLaneNotLive).Zh), (held.Message.En, held.Message.Zh));
        Assert.True(turning.Admitted, turning.ToLine());
        Assert.Equal(vip.Id, turning.CredentialId);
        Assert.True(turning.FaceLane);
        Assert.Equal(0, gate.FramesWaiting);

        gate.Server.Down = false;
        Assert.True((await gate.Agent.UploadNowAsync()).Complete);
        Assert.Equal((ReasonCode.FaceLaneNotLive, "", true), (gate.Server.Recorded[held.Nonce].Reason, gate.Server.Recorded[held.Nonce].Code,
            gate.Server.Recorded[held.Nonce].FaceLane));
        Assert.Equal((ReasonCode.Admitted, vip.Code), (gate.Server.Recorded[turning.Nonce].Reason, gate.Server.Recorded[turning.Nonce].Code));
    }

    [Fact]
    public async Task Without_the_switch_one_frame_still_opens_the_face_lane_offline()
    {
        var vip = GateWorld.Issue();
        var reader = new CountingFaceReader();
        await using var gate = await AgentHarness.StartAsync(camera: true, faceReader: reader, faces: TurningVip(vip, liveness: false));
        gate.Server.Down = true;
        gate.Show(FaceSamples.TurningHolderFrame());

        var verdict = gate.Agent.Scan("");

        Assert.True(verdict.Admitted, verdict.ToLine());
        Assert.Equal(vip.Id, verdict.CredentialId);
        Assert.Equal(1, reader.Calls);
    }

    private static FakeFaces TurningVip(Credential vip, bool liveness) =>
        new(FacesOn: true, FaceLane: true, [new(vip.Payload.HolderId, FaceSamples.TurningHolderTemplate, FastLane: true, vip.Code)], Liveness: liveness);

    private static FakeFaces TurningHolder(Credential holder, bool liveness) =>
        new(FacesOn: true, FaceLane: false, [new(holder.Payload.HolderId, FaceSamples.TurningHolderTemplate)], Liveness: liveness);
}
