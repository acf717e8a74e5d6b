using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Access.Core;
using Summit.Access.Core.Sync;
using Summit.Faces.Core;
using Summit.Server.Access.Credentials;
using Summit.Server.Faces;
using Summit.Server.Faces.Settings;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Security;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Faces;

/// <summary>
/// The templates a gate agent checks offline (ADR 0037): of exactly the people the device's gate can admit who consented and are
/// enrolled, sealed with a key only that device can derive; withdrawn consent, a revoked credential or no zone there leave the set at the
/// next sync. The agent's uploaded face distances are recorded with its scans.
/// </summary>
public sealed class FaceGateSyncTests(FacesFactory app) : IClassFixture<FacesFactory>
{
    [Fact]
    public async Task An_enrolled_holder_reaches_the_gates_that_admit_them_sealed_for_each_device()
    {
        var (guestId, _, _) = await app.EnrolledGuestAsync(FaceSamples.Portrait(), fastLane: false);
        var stored = FaceDescriptor.FromBytes(app.Services.GetRequiredService<FieldProtector>()
            .Unprotect((await app.StoredEnrolmentAsync(guestId))!.EncryptedTemplate!));

        var (status, mainIn) = await FacesAsync(app.Venue.MainInToken);
        var (_, vipIn) = await FacesAsync(app.Venue.VipInToken);
        var (_, mainOut) = await FacesAsync(app.Venue.MainOutToken);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(mainIn!.FacesOn);
        Assert.Equal(app.Venue.MainIn.Id, mainIn.GateId);
        var person = Assert.Single(mainIn.People, p => p.HolderId == guestId);
        var (descriptor, code) = Open(mainIn, person, app.Venue.MainInToken);
        Assert.Equal(0, descriptor.DistanceTo(stored), 6);
        Assert.Null(code);
        // Another device's token does not open it, nor does it open as another person's.
        Assert.Throws<AuthenticationTagMismatchException>(() => Open(mainIn, person, app.Venue.ForumInToken));
        Assert.ThrowsAny<CryptographicException>(() => FaceTemplateSeal.Open(Key(mainIn, app.Venue.MainInToken), Guid.NewGuid(), mainIn.GateId,
            Convert.FromBase64String(person.Sealed)));
        // A delegate cannot enter the VIP zone; an exit-only gate admits nobody in.
        Assert.DoesNotContain(vipIn!.People, p => p.HolderId == guestId);
        Assert.Empty(mainOut!.People);
        Assert.Contains(await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.Action == FacesAudit.TemplatesSynced).Select(a => a.Changes).ToListAsync()), c => c != null && c.Contains("A1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_consent_nobody_is_sent_and_nothing_is_computed()
    {
        var (guestId, _) = await app.RegisteredAsync(FaceSamples.Portrait(), faceConsent: false);
        await app.ApproveAsync(guestId);
        await app.IssueCodeAsync(guestId);
        await app.RunEnrolmentsAsync();
        var calls = app.Analyzer.Calls;

        var (_, faces) = await FacesAsync(app.Venue.MainInToken);

        Assert.DoesNotContain(faces!.People, p => p.HolderId == guestId);
        Assert.Equal(calls, app.Analyzer.Calls);
    }

    [Fact]
    public async Task Withdrawn_consent_and_a_revoked_credential_leave_the_set_at_the_next_sync()
    {
        var (withdrawing, token, _) = await app.EnrolledGuestAsync(FaceSamples.Portrait(), fastLane: false);
        var (revoked, _, _) = await app.EnrolledGuestAsync(FaceSamples.Portrait(), fastLane: false);
        var (_, before) = await FacesAsync(app.Venue.MainInToken);
        Assert.Contains(before!.People, p => p.HolderId == withdrawing);
        Assert.Contains(before.People, p => p.HolderId == revoked);

        Assert.True((await app.WithdrawFaceConsentAsync(token)).IsSuccessStatusCode);
        using (var officer = await app.ClientForAsync(Roles.AccreditationOfficer))
        {
            (await officer.PostAsJsonAsync($"/api/v1/access/guests/{revoked}/credential/revoke", new RevokeRequest("Badge reported stolen"), Intents.Json))
                .EnsureSuccessStatusCode();
        }

        var (status, after) = await FacesAsync(app.Venue.MainInToken, before.Tag);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEqual(before.Tag, after!.Tag);
        Assert.DoesNotContain(after.People, p => p.HolderId == withdrawing || p.HolderId == revoked);
    }

    [Fact]
    public async Task An_unchanged_set_is_answered_not_modified()
    {
        await app.EnrolledGuestAsync(FaceSamples.Portrait(), fastLane: false);
        var (_, first) = await FacesAsync(app.Venue.MainInToken);

        var (status, second) = await FacesAsync(app.Venue.MainInToken, first!.Tag);

        Assert.Equal(HttpStatusCode.NotModified, status);
        Assert.Null(second);
    }

    [Fact]
    public async Task The_live_face_switch_reaches_the_gate_s_device_with_a_new_set()
    {
        await app.EnrolledGuestAsync(FaceSamples.Portrait(), fastLane: false);
        var (_, before) = await FacesAsync(app.Venue.ForumInToken);
        using var security = await app.ClientForAsync(Roles.SecurityOfficer);
        await (await security.PutAsJsonAsync($"/api/v1/faces/gates/{app.Venue.ForumIn.Id}", new GateFaceInput(true, Liveness: true), Intents.Json))
            .OkAsync<GateFaceView>();

        var (status, after) = await FacesAsync(app.Venue.ForumInToken, before!.Tag);
        await (await security.PutAsJsonAsync($"/api/v1/faces/gates/{app.Venue.ForumIn.Id}", new GateFaceInput(true, Liveness: false), Intents.Json))
            .OkAsync<GateFaceView>();

        Assert.False(before.Liveness);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(after!.Liveness);
        Assert.NotEqual(before.Tag, after.Tag);
    }

    [Fact]
    public async Task Faces_off_sends_no_template_and_a_face_lane_sends_its_VIPs_with_their_code()
    {
        var (vip, _, vipCode) = await app.EnrolledGuestAsync(FaceSamples.Portrait(), fastLane: true);
        var (other, _, _) = await app.EnrolledGuestAsync(FaceSamples.Portrait(), fastLane: false);
        var gate = app.Venue.ForumIn.Id;

        await app.MarkFaceLaneAsync(gate, facesOn: false);
        var (_, off) = await FacesAsync(app.Venue.ForumInToken);
        await app.MarkFaceLaneAsync(gate, facesOn: true);
        var (_, lane) = await FacesAsync(app.Venue.ForumInToken, off!.Tag);

        Assert.False(off.FacesOn);
        Assert.Empty(off.People);
        Assert.True(lane!.FacesOn);
        Assert.True(lane.FaceLane);
        var vipFace = Assert.Single(lane.People, p => p.HolderId == vip);
        Assert.True(vipFace.FastLane);
        Assert.Equal(vipCode, Open(lane, vipFace, app.Venue.ForumInToken).Code);
        var otherFace = Assert.Single(lane.People, p => p.HolderId == other);
        Assert.False(otherFace.FastLane);
        Assert.Null(Open(lane, otherFace, app.Venue.ForumInToken).Code);
        using var admin = await app.ClientForAsync(Roles.Admin);
        var settings = await (await admin.GetAsync("/api/v1/faces/settings")).OkAsync<FaceSettingsView>();
        Assert.Equal((settings.Threshold, settings.Margin), (lane.Threshold, lane.Margin));
    }

    [Fact]
    public async Task An_agent_s_face_distances_are_recorded_with_its_uploaded_scans()
    {
        var (_, _, code) = await app.EnrolledGuestAsync(FaceSamples.Portrait(), fastLane: false);
        var now = app.Clock.GetUtcNow();
        var (lent, own, absurd) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        using var device = app.DeviceClient(app.Venue.MainInToken);

        var answer = await (await device.PostAsJsonAsync("/api/v1/device/scans/upload", new ScanUploadRequest(
        [
            new JournalScan(lent, code, GateDirection.Entry, ReasonCode.FaceMismatch, now.AddMinutes(-2), FaceDistance: 0.7123),
            new JournalScan(own, code, GateDirection.Entry, ReasonCode.Admitted, now.AddMinutes(-1), FaceDistance: 0.3011),
            new JournalScan(absurd, code, GateDirection.Entry, ReasonCode.Admitted, now, FaceDistance: 99),
        ]), Intents.Json)).OkAsync<ScanUploadResponse>();

        Assert.Equal(2, answer.Recorded);
        Assert.Equal(absurd, Assert.Single(answer.Rejected!).Nonce);
        var scans = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Scans.AsNoTracking()
            .Where(s => s.Nonce == lent || s.Nonce == own).ToDictionaryAsync(s => s.Nonce));
        Assert.Equal((ReasonCode.FaceMismatch, 0.7123), (scans[lent].Reason, scans[lent].FaceDistance!.Value));
        Assert.Equal((ReasonCode.Admitted, 0.3011), (scans[own].Reason, scans[own].FaceDistance!.Value));
        Assert.False(scans[own].FaceLane);
    }

    private async Task<(HttpStatusCode Status, GateFacesDocument? Faces)> FacesAsync(string deviceToken, string? knownTag = null)
    {
        using var device = app.DeviceClient(deviceToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/device/faces");
        if (knownTag is not null)
        {
            request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{knownTag}\""));
        }

        using var response = await device.SendAsync(request);
        return response.StatusCode == HttpStatusCode.OK
            ? (response.StatusCode, await response.Content.ReadFromJsonAsync<GateFacesDocument>(Intents.Json))
            : (response.StatusCode, null);
    }

    private static byte[] Key(GateFacesDocument faces, string deviceToken) => FaceTemplateSeal.DeriveKey(deviceToken, Convert.FromBase64String(faces.Salt));

    private static (FaceDescriptor Descriptor, string? Code) Open(GateFacesDocument faces, SealedFace person, string deviceToken) =>
        FaceTemplateSeal.Open(Key(faces, deviceToken), person.HolderId, faces.GateId, Convert.FromBase64String(person.Sealed));
}
