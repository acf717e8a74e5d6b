using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Access.Core;
using Summit.Access.Core.Sync;
using Summit.Server;
using Summit.Server.Access;
using Summit.Server.Access.Scanning;
using Summit.Server.Faces;
using Summit.Server.Faces.Settings;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Faces;

/// <summary>
/// A gate that requires a live face (ADR 0035): the device sends a short burst of frames with the code; the holder's face must match and
/// turn a little across the burst, or the entry is refused as FaceNotLive. Off by default; a burst is bounded before it is read; no consent,
/// no frame of the burst looked at. Real sample faces: sample6.jpg's first face (turned a little, enrolable) and its mirror image stand for a
/// head turned one way and the other (the only "turn" of one person that exists here).
/// </summary>
public sealed class FaceLivenessGateTests(FacesFactory app) : IClassFixture<FacesFactory>
{
    private static byte[] Looking() => FaceSamples.Crop("sample6.jpg", 0, 1.8, quality: 80);

    private static byte[] TurnedTheOtherWay() => FaceSamples.Crop("sample6.jpg", 0, 1.8, quality: 80, mirror: true);

    [Fact]
    public async Task At_a_liveness_gate_a_held_still_face_is_refused_as_not_live_and_a_turning_head_passes()
    {
        var (_, code) = await EnrolledHolderAsync();
        await SwitchAsync(app.Venue.ForumIn.Id, liveness: true);

        var oneFrame = await ScanAsync(app.Venue.ForumInToken, code, [Looking()]);
        var still = await ScanAsync(app.Venue.ForumInToken, code, [Looking(), Looking(), Looking()]);
        var turning = await ScanAsync(app.Venue.ForumInToken, code, [Looking(), Looking(), TurnedTheOtherWay()]);

        Assert.Equal(ReasonCode.FaceNotLive, still.Reason);
        Assert.Equal((GateVerdictTexts.For(ReasonCode.FaceNotLive).En, GateVerdictTexts.For(ReasonCode.FaceNotLive).Zh), (still.Message, still.MessageZh));
        Assert.True(turning.Admitted, turning.Reason.ToString());
        // A device that sends one frame cannot show a turn: the gate requires a burst.
        Assert.Equal(ReasonCode.FaceNotLive, oneFrame.Reason);
        // The distance is recorded as for any comparison (the face matched); the frames are not.
        Assert.True((await app.StoredScanAsync(still.ScanId)).FaceDistance <= 0.45);
    }

    [Fact]
    public async Task At_a_liveness_gate_someone_elses_face_is_still_a_mismatch()
    {
        var (_, code) = await EnrolledHolderAsync();
        await SwitchAsync(app.Venue.ForumIn.Id, liveness: true);
        var impostor = FaceSamples.Crop("sample5.jpg", 3, 1.8);

        var lent = await ScanAsync(app.Venue.ForumInToken, code, [impostor, impostor, FaceSamples.Crop("sample5.jpg", 3, 1.8, mirror: true)]);

        Assert.Equal(ReasonCode.FaceMismatch, lent.Reason);
    }

    [Fact]
    public async Task Without_the_switch_a_burst_is_compared_on_its_first_frame_only_and_decided_as_before()
    {
        var (_, code) = await EnrolledHolderAsync();
        var calls = app.Analyzer.Calls;

        var still = await ScanAsync(app.Venue.MainInToken, code, [Looking(), Looking(), Looking()]);

        Assert.True(still.Admitted, still.Reason.ToString());
        Assert.Equal(calls + 1, app.Analyzer.Calls);
        var gates = await GatesAsync();
        Assert.False(gates.Single(g => g.GateId == app.Venue.MainIn.Id).Liveness);
    }

    [Fact]
    public async Task Without_consent_no_frame_of_a_burst_is_looked_at_even_at_a_liveness_gate()
    {
        var (guestId, _) = await app.RegisteredAsync(FaceSamples.Portrait(), faceConsent: false);
        await app.ApproveAsync(guestId);
        var code = await app.IssueCodeAsync(guestId);
        await SwitchAsync(app.Venue.ForumIn.Id, liveness: true);
        var calls = app.Analyzer.Calls;

        var scan = await ScanAsync(app.Venue.ForumInToken, code, [Looking(), Looking(), Looking()]);

        Assert.True(scan.Admitted, scan.Reason.ToString());
        Assert.Equal(calls, app.Analyzer.Calls);
        Assert.Null((await app.StoredScanAsync(scan.ScanId)).FaceDistance);
    }

    [Fact]
    public async Task The_switch_is_shown_audited_and_only_for_entries()
    {
        using var security = await app.ClientForAsync(Roles.SecurityOfficer);

        var on = await SwitchAsync(app.Venue.VipIn.Id, liveness: true);
        var kept = await (await security.PutAsJsonAsync($"/api/v1/faces/gates/{app.Venue.VipIn.Id}", new GateFaceInput(true), Intents.Json)).OkAsync<GateFaceView>();
        var exitOnly = await security.PutAsJsonAsync($"/api/v1/faces/gates/{app.Venue.MainOut.Id}", new GateFaceInput(true, Liveness: true), Intents.Json);
        var off = await SwitchAsync(app.Venue.VipIn.Id, liveness: false);

        Assert.True(on.Liveness);
        Assert.True(kept.Liveness);
        await exitOnly.AssertProblemAsync(409, FacesErrors.LivenessNeedsEntry);
        Assert.False(off.Liveness);
        Assert.Contains(FacesAudit.LivenessSwitched, await app.AuditActionsOfAsync("gate", app.Venue.VipIn.Id));
        Assert.False(await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Set<FaceLivenessGate>().AnyAsync(g => g.GateId == app.Venue.VipIn.Id)));
    }

    [Fact]
    public async Task The_gate_console_sends_a_burst_at_a_liveness_gate_and_it_is_judged_like_a_devices()
    {
        var (_, code) = await EnrolledHolderAsync();
        await SwitchAsync(app.Venue.MainIn.Id, liveness: true);
        try
        {
            using var browser = await app.BrowserForAsync(Roles.GateOperator);
            var page = await browser.GetStringAsync($"/gate/{app.Venue.MainIn.Id}?direction=Entry");

            // As the page runs it: the frames' bytes came through the circuit's streams.
            var still = await ConsoleScanAsync(code, [Looking(), Looking(), Looking()]);
            var turning = await ConsoleScanAsync(code, [Looking(), Looking(), TurnedTheOtherWay()]);
            var tooMany = await Assert.ThrowsAsync<SummitException>(() => ConsoleScanAsync(code, [.. Enumerable.Repeat(Looking(), ScanFrames.MaxBurst + 1)]));

            Assert.Matches("data-testid=\"gate-console\"[^>]*\\sdata-liveness=\"on\"", page);
            Assert.Equal(ReasonCode.FaceNotLive, still.Reason);
            Assert.True(turning.Admitted, turning.Reason.ToString());
            Assert.Equal(AccessErrors.ScanFramesTooMany, tooMany.Error.Code);
        }
        finally
        {
            await SwitchAsync(app.Venue.MainIn.Id, liveness: false);
        }

        using var again = await app.BrowserForAsync(Roles.GateOperator);
        Assert.Matches("data-testid=\"gate-console\"[^>]*\\sdata-liveness=\"off\"", await again.GetStringAsync($"/gate/{app.Venue.MainIn.Id}?direction=Entry"));
    }

    [Fact]
    public async Task A_burst_is_bounded_in_count_and_bytes_before_it_is_read()
    {
        var (_, code) = await EnrolledHolderAsync();
        using var device = app.DeviceClient(app.Venue.MainInToken);
        var small = Convert.ToBase64String(Looking());
        var large = Convert.ToBase64String(new byte[(ScanFrames.MaxBurstBytes / 2) + 1]);

        var tooMany = await device.PostAsJsonAsync("/api/v1/device/scans",
            new DeviceScanRequest(Guid.NewGuid(), code, Frames: [.. Enumerable.Repeat(small, ScanFrames.MaxBurst + 1)]), Intents.Json);
        var tooLarge = await device.PostAsJsonAsync("/api/v1/device/scans", new DeviceScanRequest(Guid.NewGuid(), code, Frames: [large, large]), Intents.Json);
        var both = await device.PostAsJsonAsync("/api/v1/device/scans", new DeviceScanRequest(Guid.NewGuid(), code, Frame: small, Frames: [small]), Intents.Json);

        await tooMany.AssertProblemAsync(422, AccessErrors.ScanFramesTooMany);
        await tooLarge.AssertProblemAsync(422, AccessErrors.ScanFramesTooLarge);
        await both.AssertProblemAsync(422, AccessErrors.ScanFrameInvalid);
    }

    private async Task<(Guid GuestId, string Code)> EnrolledHolderAsync()
    {
        // sample6.jpg's first face: turned a little (enrolable), so that its mirror image is a clear turn.
        var (guestId, _) = await app.RegisteredAsync(FaceSamples.Crop("sample6.jpg", 0, 2.2), faceConsent: true);
        await app.ApproveAsync(guestId);
        await app.RunEnrolmentsAsync();
        Assert.Equal(FaceEnrolmentState.Enrolled, (await app.StoredEnrolmentAsync(guestId))!.State);
        return (guestId, await app.IssueCodeAsync(guestId));
    }

    private async Task<GateFaceView> SwitchAsync(Guid gateId, bool liveness)
    {
        using var security = await app.ClientForAsync(Roles.SecurityOfficer);
        return await (await security.PutAsJsonAsync($"/api/v1/faces/gates/{gateId}", new GateFaceInput(true, Liveness: liveness), Intents.Json)).OkAsync<GateFaceView>();
    }

    private async Task<List<GateFaceView>> GatesAsync()
    {
        using var security = await app.ClientForAsync(Roles.SecurityOfficer);
        return await (await security.GetAsync("/api/v1/faces/gates")).OkAsync<List<GateFaceView>>();
    }

    private Task<ScanResponse> ConsoleScanAsync(string code, byte[][] frames) => app.InScopeAsync(sp =>
    {
        sp.GetRequiredService<CurrentActor>().Use(new Actor("operator-14", "Gate operator", null));
        return sp.GetRequiredService<ConsoleScans>().ScanAsync(app.Venue.MainIn.Id, new ConsoleScanRequest(Guid.NewGuid(), code, GateDirection.Entry), frames);
    });

    private async Task<ScanResponse> ScanAsync(string deviceToken, string code, byte[][] frames)
    {
        using var device = app.DeviceClient(deviceToken);
        return await (await device.PostAsJsonAsync("/api/v1/device/scans",
            new DeviceScanRequest(Guid.NewGuid(), code, Frames: [.. frames.Select(Convert.ToBase64String)]), Intents.Json)).OkAsync<ScanResponse>();
    }
}
