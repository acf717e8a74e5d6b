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

    private static FakeFaces TurningHolder(Credential holder, bool liveness) =>
        new(FacesOn: true, FaceLane: false, [new(holder.Payload.HolderId, FaceSamples.TurningHolderTemplate)], Liveness: liveness);
}
