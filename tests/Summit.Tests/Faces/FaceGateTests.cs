using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Access.Core;
using Summit.Access.Core.Sync;
using Summit.Faces.Core;
using Summit.Server;
using Summit.Server.Access;
using Summit.Server.Access.Scanning;
using Summit.Server.Faces.Settings;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Faces;

/// <summary>
/// The 1:1 check at the gate on the server: a lent badge (someone else's face in the lane's frame) is refused with FaceMismatch, its
/// holder passes; the distance is recorded with the scan, never the frame. No template or faces off: the gate works as without faces.
/// </summary>
public sealed class FaceGateTests(FacesFactory app) : IClassFixture<FacesFactory>
{
    [Fact]
    public async Task A_lent_badge_is_refused_by_the_face_check_and_its_holder_passes()
    {
        var (guestId, code) = await EnrolledHolderAsync();
        var impostor = await ImpostorFrameAsync(guestId);

        var lent = await ScanAsync(app.Venue.MainInToken, code, impostor);
        var own = await ScanAsync(app.Venue.MainInToken, code, FaceSamples.Crop("sample6.jpg", 2, 1.8, quality: 70));

        Assert.Equal(ReasonCode.FaceMismatch, lent.Reason);
        Assert.False(lent.Admitted);
        Assert.Equal(GateVerdictTexts.For(ReasonCode.FaceMismatch).En, lent.Message);
        Assert.Equal(GateVerdictTexts.For(ReasonCode.FaceMismatch).Zh, lent.MessageZh);
        Assert.True(own.Admitted, own.Reason.ToString());
        var threshold = (await SettingsAsync()).Threshold;
        var (lentDistance, ownDistance) = (await DistanceOfAsync(lent.ScanId), await DistanceOfAsync(own.ScanId));
        Assert.True(lentDistance > threshold, $"lent {lentDistance}, threshold {threshold}");
        Assert.True(ownDistance <= threshold, $"own {ownDistance}, threshold {threshold}");
    }

    [Fact]
    public async Task A_frame_without_a_face_is_a_mismatch_for_an_enrolled_holder()
    {
        var (_, code) = await EnrolledHolderAsync();

        var scan = await ScanAsync(app.Venue.MainInToken, code, TestImages.Jpeg(640, 480));

        Assert.Equal(ReasonCode.FaceMismatch, scan.Reason);
        Assert.Null(await DistanceOfAsync(scan.ScanId));
    }

    [Fact]
    public async Task Without_a_template_the_frame_is_not_looked_at_and_the_gate_decides_on_the_code()
    {
        var (guestId, _) = await app.RegisteredAsync(FaceSamples.Portrait(), faceConsent: false);
        await app.ApproveAsync(guestId);
        var code = await app.IssueCodeAsync(guestId);
        var frame = FaceSamples.Crop("sample6.jpg", 0, 1.8);
        var calls = app.Analyzer.Calls;

        var scan = await ScanAsync(app.Venue.MainInToken, code, frame);

        Assert.True(scan.Admitted, scan.Reason.ToString());
        Assert.Equal(calls, app.Analyzer.Calls);
        Assert.Null(await DistanceOfAsync(scan.ScanId));
    }

    [Fact]
    public async Task A_gate_with_faces_switched_off_admits_on_the_code_without_looking()
    {
        var (guestId, code) = await EnrolledHolderAsync();
        var impostor = await ImpostorFrameAsync(guestId);
        using var security = await app.ClientForAsync(Roles.SecurityOfficer);
        await (await security.PutAsJsonAsync($"/api/v1/faces/gates/{app.Venue.ForumIn.Id}", new GateFaceInput(false), Intents.Json)).OkAsync<GateFaceView>();
        var calls = app.Analyzer.Calls;

        var scan = await ScanAsync(app.Venue.ForumInToken, code, impostor);

        Assert.True(scan.Admitted, scan.Reason.ToString());
        Assert.Equal(calls, app.Analyzer.Calls);
        var gates = await (await security.GetAsync("/api/v1/faces/gates")).OkAsync<List<GateFaceView>>();
        Assert.False(gates.Single(g => g.GateId == app.Venue.ForumIn.Id).FacesOn);
        Assert.True(gates.Single(g => g.GateId == app.Venue.MainIn.Id).FacesOn);
    }

    [Fact]
    public async Task A_scan_without_a_frame_is_decided_as_before()
    {
        var (_, code) = await EnrolledHolderAsync();

        var scan = await app.ScanAsync(app.Venue.MainInToken, code);

        Assert.True(scan.Admitted, scan.Reason.ToString());
    }

    [Fact]
    public async Task A_frame_over_the_limit_is_refused_with_its_reason()
    {
        var (_, code) = await EnrolledHolderAsync();
        using var device = app.DeviceClient(app.Venue.MainInToken);

        var response = await device.PostAsJsonAsync("/api/v1/device/scans",
            new DeviceScanRequest(Guid.NewGuid(), code, Frame: Convert.ToBase64String(new byte[ScanFrames.MaxBytes + 1])), Intents.Json);

        await response.AssertProblemAsync(422, AccessErrors.ScanFrameTooLarge);
    }

    [Fact]
    public async Task The_gate_console_page_compares_the_frame_it_read_from_the_camera_like_a_devices()
    {
        var (guestId, code) = await EnrolledHolderAsync();
        var impostor = await ImpostorFrameAsync(guestId);

        // As the page runs it: the frame's bytes came through the circuit's stream, not as base64.
        var lent = await ConsoleScanAsync(code, impostor);
        var own = await ConsoleScanAsync(code, FaceSamples.Crop("sample6.jpg", 2, 1.8, quality: 70));

        Assert.Equal(ReasonCode.FaceMismatch, lent.Reason);
        Assert.True(own.Admitted, own.Reason.ToString());
        var threshold = (await SettingsAsync()).Threshold;
        Assert.True(await DistanceOfAsync(lent.ScanId) > threshold);
        Assert.True(await DistanceOfAsync(own.ScanId) <= threshold);
    }

    [Fact]
    public async Task A_console_frame_over_the_limit_is_refused_with_the_code_the_api_gives()
    {
        var (_, code) = await EnrolledHolderAsync();

        var refused = await Assert.ThrowsAsync<SummitException>(() => ConsoleScanAsync(code, new byte[ScanFrames.MaxBytes + 1]));

        Assert.Equal(AccessErrors.ScanFrameTooLarge, refused.Error.Code);
    }

    [Fact]
    public async Task The_console_asks_for_the_face_camera_only_at_an_entry_lane_with_faces_on()
    {
        using var security = await app.ClientForAsync(Roles.SecurityOfficer);
        await (await security.PutAsJsonAsync($"/api/v1/faces/gates/{app.Venue.ForumIn.Id}", new GateFaceInput(false), Intents.Json)).OkAsync<GateFaceView>();
        using var browser = await app.BrowserForAsync(Roles.GateOperator);

        var facesOn = await browser.GetStringAsync($"/gate/{app.Venue.MainIn.Id}?direction=Entry");
        var exitLane = await browser.GetStringAsync($"/gate/{app.Venue.MainOut.Id}?direction=Exit");
        var facesOff = await browser.GetStringAsync($"/gate/{app.Venue.ForumIn.Id}?direction=Entry");

        Assert.Equal(("on", "off", "off"), (FacesOf(facesOn), FacesOf(exitLane), FacesOf(facesOff)));
        Assert.Contains("data-testid=\"face-preview\"", facesOn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_event_threshold_decides_and_is_audited()
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        var before = await SettingsAsync();

        var set = await (await admin.PutAsJsonAsync("/api/v1/faces/settings", new FaceSettingsInput(0.4, 3), Intents.Json)).OkAsync<FaceSettingsView>();
        var refused = await admin.PutAsJsonAsync("/api/v1/faces/settings", new FaceSettingsInput(0.9, 3), Intents.Json);
        await (await admin.PutAsJsonAsync("/api/v1/faces/settings", new FaceSettingsInput(before.Threshold, before.RetentionDays), Intents.Json))
            .OkAsync<FaceSettingsView>();

        Assert.True(set.FromEvent);
        Assert.Equal((0.4, 3), (set.Threshold, set.RetentionDays));
        await refused.AssertProblemAsync(422, Server.Faces.FacesErrors.ThresholdOutOfRange);
        Assert.Contains(Server.Faces.FacesAudit.SettingsChanged, await app.AuditActionsOfAsync("face_settings", app.EventId));
    }

    private async Task<(Guid GuestId, string Code)> EnrolledHolderAsync()
    {
        var (guestId, _) = await app.RegisteredAsync(FaceSamples.Portrait(), faceConsent: true);
        await app.ApproveAsync(guestId);
        await app.RunEnrolmentsAsync();
        Assert.Equal(Server.Faces.FaceEnrolmentState.Enrolled, (await app.StoredEnrolmentAsync(guestId))!.State);
        return (guestId, await app.IssueCodeAsync(guestId));
    }

    /// <summary>A crop of another sample face whose face is found and lies well beyond the threshold from the holder's template.</summary>
    private async Task<byte[]> ImpostorFrameAsync(Guid holderId)
    {
        var encrypted = (await app.StoredEnrolmentAsync(holderId))!.EncryptedTemplate!;
        var template = FaceDescriptor.FromBytes(app.Services.GetRequiredService<Summit.Server.Infrastructure.Security.FieldProtector>().Unprotect(encrypted));
        foreach (var (photo, face) in FaceSamples.AllFaces().Where(f => f != ("sample6.jpg", 2)))
        {
            var frame = FaceSamples.Crop(photo, face, 1.8);
            var found = FaceSamples.Engine.Analyze(FaceImage.Decode(frame)).OrderByDescending(f => f.AlignedBox.Width * f.AlignedBox.Height).FirstOrDefault();
            if (found is not null && found.Descriptor.DistanceTo(template) > 0.6)
            {
                return frame;
            }
        }

        throw new InvalidOperationException("No sample face was found far enough from the holder's to serve as an impostor.");
    }

    private Task<ScanResponse> ScanAsync(string deviceToken, string code, byte[] frame) => app.PassWithCodeAsync(deviceToken, code, frame);

    private Task<ScanResponse> ConsoleScanAsync(string code, byte[] frame) => app.InScopeAsync(sp =>
    {
        sp.GetRequiredService<CurrentActor>().Use(new Actor("operator-14", "Gate operator", null));
        return sp.GetRequiredService<ConsoleScans>().ScanAsync(app.Venue.MainIn.Id, new ConsoleScanRequest(Guid.NewGuid(), code, GateDirection.Entry), frame);
    });

    /// <summary>The console's data-faces: whether its scans carry the face camera's frame.</summary>
    private static string? FacesOf(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"gate-console\"[^>]*\\sdata-faces=\"([^\"]*)\"") is { Success: true } match ? match.Groups[1].Value : null;

    private Task<double?> DistanceOfAsync(Guid scanId) =>
        app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Scans.AsNoTracking().Where(s => s.Id == scanId).Select(s => s.FaceDistance).SingleAsync());

    private async Task<FaceSettingsView> SettingsAsync()
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        return await (await admin.GetAsync("/api/v1/faces/settings")).OkAsync<FaceSettingsView>();
    }
}
