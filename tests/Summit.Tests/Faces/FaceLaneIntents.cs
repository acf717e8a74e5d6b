using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Access.Core.Sync;
using Summit.Faces.Core;
using Summit.Server.Access.Domain;
using Summit.Server.Faces;
using Summit.Server.Faces.Enrolment;
using Summit.Server.Faces.Settings;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Faces;

/// <summary>What face-lane tests do, named by intent: enrol through the portal, mark VIPs and lanes through the API, pass by face.</summary>
public static class FaceLaneIntents
{
    private static readonly Lazy<List<(string Photo, int Face)>> Enrollable = new(() =>
        [.. FaceSamples.AllFaces().Where(f => FaceQuality.Check(FaceSamples.Engine, FaceImage.Decode(FaceSamples.Crop(f.Photo, f.Face, 2.2))).Acceptable)]);

    /// <summary>
    /// A sample face other than the portrait's (sample6.jpg #2) that the quality check accepts for enrolment and that lies far from the
    /// portrait's face: another person for the lane.
    /// </summary>
    public static (string Photo, int Face) OtherPerson()
    {
        var portrait = Descriptor(FaceSamples.Portrait());
        foreach (var face in Enrollable.Value.Where(f => f != ("sample6.jpg", 2)))
        {
            if (Descriptor(FaceSamples.Crop(face.Photo, face.Face, 2.2)).DistanceTo(portrait) > 0.6)
            {
                return face;
            }
        }

        throw new InvalidOperationException("No other sample face is accepted for enrolment.");
    }

    /// <summary>A consenting guest enrolled from this portal photo, approved, with a code; marked for the fast lane when asked.</summary>
    public static async Task<(Guid GuestId, string Token, string Code)> EnrolledGuestAsync(this SummitFactory app, byte[] photo, bool fastLane)
    {
        var (guestId, token) = await app.RegisteredAsync(photo, faceConsent: true);
        await app.ApproveAsync(guestId);
        await app.RunEnrolmentsAsync();
        Assert.Equal(FaceEnrolmentState.Enrolled, (await app.StoredEnrolmentAsync(guestId))!.State);
        var code = await app.IssueCodeAsync(guestId);
        if (fastLane)
        {
            Assert.True((await (await app.SetFastLaneAsync(guestId, true)).OkAsync<EnrolmentView>()).FastLane);
        }

        return (guestId, token, code);
    }

    public static async Task<HttpResponseMessage> SetFastLaneAsync(this SummitFactory app, Guid guestId, bool on)
    {
        using var officer = await app.ClientForAsync(Roles.AccreditationOfficer);
        return await officer.PutAsJsonAsync($"/api/v1/faces/guests/{guestId}/fast-lane", new FastLaneInput(on), Intents.Json);
    }

    /// <summary>A security officer marks the gate as a face lane (faces on or off).</summary>
    public static async Task<GateFaceView> MarkFaceLaneAsync(this SummitFactory app, Guid gateId, bool facesOn = true)
    {
        using var security = await app.ClientForAsync(Roles.SecurityOfficer);
        return await (await security.PutAsJsonAsync($"/api/v1/faces/gates/{gateId}", new GateFaceInput(facesOn, FaceLane: true), Intents.Json))
            .OkAsync<GateFaceView>();
    }

    /// <summary>A lane's camera frame sent without a code, as a face lane's turnstile does.</summary>
    public static Task<ScanResponse> PassByFaceAsync(this SummitFactory app, string deviceToken, byte[] frame) =>
        app.PassWithCodeAsync(deviceToken, "", frame);

    /// <summary>A burst of frames without a code, as a face lane's turnstile sends it where a live face is required (ADR 0035).</summary>
    public static async Task<ScanResponse> PassByBurstAsync(this SummitFactory app, string deviceToken, byte[][] frames)
    {
        using var device = app.DeviceClient(deviceToken);
        return await (await device.PostAsJsonAsync("/api/v1/device/scans",
            new DeviceScanRequest(Guid.NewGuid(), "", Frames: [.. frames.Select(Convert.ToBase64String)]), Intents.Json)).OkAsync<ScanResponse>();
    }

    /// <summary>A code with the lane's frame (the 1:1 check); an empty code is a frame alone.</summary>
    public static async Task<ScanResponse> PassWithCodeAsync(this SummitFactory app, string deviceToken, string code, byte[] frame)
    {
        using var device = app.DeviceClient(deviceToken);
        return await (await device.PostAsJsonAsync("/api/v1/device/scans", new DeviceScanRequest(Guid.NewGuid(), code, Frame: Convert.ToBase64String(frame)),
            Intents.Json)).OkAsync<ScanResponse>();
    }

    public static Task<Scan> StoredScanAsync(this SummitFactory app, Guid scanId) =>
        app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Scans.AsNoTracking().SingleAsync(s => s.Id == scanId));

    /// <summary>The frame of the portrait's person as a lane camera takes it: looser, more compressed.</summary>
    public static byte[] PortraitFrame() => FaceSamples.Crop("sample6.jpg", 2, 1.8, quality: 70);

    /// <summary>A lane camera's frame of another sample person: the faces of the group photos are small, so the frame is framed as widely as their enrolment photo.</summary>
    public static byte[] FrameOf((string Photo, int Face) person) => FaceSamples.Crop(person.Photo, person.Face, 2.2, quality: 85);

    private static FaceDescriptor Descriptor(byte[] jpeg) =>
        FaceSamples.Engine.Analyze(FaceImage.Decode(jpeg)).OrderByDescending(f => f.AlignedBox.Width * f.AlignedBox.Height).First().Descriptor;
}
