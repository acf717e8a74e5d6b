using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Access.Core;
using Summit.Access.Core.Sync;
using Summit.Server.Access;
using Summit.Server.Access.Devices;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Access;

public class DeviceTests(AccessFactory app) : IClassFixture<AccessFactory>
{
    [Fact]
    public async Task Enrolment_shows_the_token_once_and_stores_only_its_hash()
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        var enrolment = await (await admin.PostAsJsonAsync("/api/v1/access/devices", new DeviceInput("Lane 7 turnstile", app.Venue.MainIn.Id), Intents.Json))
            .OkAsync<DeviceEnrolment>();
        Assert.StartsWith("sgd_", enrolment.Token, StringComparison.Ordinal);
        Assert.StartsWith(enrolment.Device.TokenPrefix, enrolment.Token, StringComparison.Ordinal);

        var listed = await (await admin.GetAsync("/api/v1/access/devices")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(enrolment.Token, listed, StringComparison.Ordinal);
        var stored = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().GateDevices.AsNoTracking().SingleAsync(d => d.Id == enrolment.Device.Id));
        Assert.Equal(DeviceService.Hash(enrolment.Token), stored.TokenHash);
        Assert.DoesNotContain(enrolment.Token[4..], stored.TokenHash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_device_knows_its_gate_and_is_seen()
    {
        using var device = app.DeviceClient(app.Venue.ForumInToken);
        var me = await (await device.GetAsync("/api/v1/device/me")).OkAsync<DeviceInfo>();
        Assert.Equal("F1", me.Gate.Code);
        Assert.Equal(app.Venue.Forum.Number, me.Gate.Zone);
        Assert.Equal(GateDirections.Both, me.Gate.Directions);

        using var admin = await app.ClientForAsync(Roles.Admin);
        var devices = await (await admin.GetAsync("/api/v1/access/devices")).OkAsync<List<DeviceView>>();
        Assert.NotNull(devices.Single(d => d.Id == me.DeviceId).LastSeenAt);
    }

    [Fact]
    public async Task A_revoked_device_is_refused_at_once()
    {
        var token = await app.EnrolDeviceAsync(app.Venue.MainIn.Id);
        using var device = app.DeviceClient(token);
        var me = await (await device.GetAsync("/api/v1/device/me")).OkAsync<DeviceInfo>();
        using var admin = await app.ClientForAsync(Roles.Admin);
        await (await admin.PostAsync($"/api/v1/access/devices/{me.DeviceId}/revoke", null)).OkAsync<DeviceView>();

        var refused = await device.PostAsJsonAsync("/api/v1/device/scans", new DeviceScanRequest(Guid.NewGuid(), "x"), Intents.Json);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Device ")]
    [InlineData("Device sgd_not-a-real-token")]
    [InlineData("Device garbage\u00e9")]
    public async Task Device_endpoints_refuse_anything_but_a_device_token(string? header)
    {
        using var client = app.CreateClient();
        if (header is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", header);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/device/policy")).StatusCode);
    }

    [Fact]
    public async Task Staff_cannot_pose_as_a_device_nor_a_device_as_staff()
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        var asStaff = await admin.GetAsync("/api/v1/device/policy");
        Assert.True(asStaff.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{(int)asStaff.StatusCode}");

        using var device = app.DeviceClient(app.Venue.MainInToken);
        // A device is authenticated, but holds no role: every staff endpoint forbids it.
        Assert.Equal(HttpStatusCode.Forbidden, (await device.GetAsync("/api/v1/guests")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await device.GetAsync("/api/v1/access/devices")).StatusCode);
    }

    [Fact]
    public async Task The_policy_carries_revocations_at_once_and_answers_304_when_unchanged()
    {
        using var device = app.DeviceClient(app.Venue.MainInToken);
        var response = await device.GetAsync("/api/v1/device/policy");
        var policy = await response.OkAsync<GatePolicyDocument>();
        var etag = response.Headers.ETag!;

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/device/policy");
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await device.SendAsync(again)).StatusCode);

        var guest = await app.ApprovedGuestAsync();
        var code = await app.IssueCodeAsync(guest);
        Assert.True(CredentialCodec.TryDecode(code, out var payload, out _));
        using var officer = await app.ClientForAsync(Roles.AccreditationOfficer);
        await officer.PostAsJsonAsync($"/api/v1/access/guests/{guest}/credential/revoke", new { reason = "Stolen" }, Intents.Json);

        using var afterRevoke = new HttpRequestMessage(HttpMethod.Get, "/api/v1/device/policy");
        afterRevoke.Headers.IfNoneMatch.Add(etag);
        var changed = await (await device.SendAsync(afterRevoke)).OkAsync<GatePolicyDocument>();
        Assert.True(changed.PolicyVersion > policy.PolicyVersion);
        Assert.Contains(payload.CredentialId, changed.RevokedCredentials);

        // The agent decides with exactly what it was sent.
        var verdict = GateDecision.Decide(code, app.Clock.GetUtcNow(), changed.Gate.ToGate(GateDirection.Entry), changed.ToAccessPolicy(), new PresenceBook());
        Assert.Equal(ReasonCode.Revoked, verdict.Reason);
    }

    [Fact]
    public async Task A_synced_policy_admits_offline_what_the_server_admits()
    {
        var code = await app.IssueCodeAsync(await app.ApprovedGuestAsync("VIP"));
        using var device = app.DeviceClient(app.Venue.VipInToken);
        var policy = await (await device.GetAsync("/api/v1/device/policy")).OkAsync<GatePolicyDocument>();
        var verdict = GateDecision.Decide(code, app.Clock.GetUtcNow(), policy.Gate.ToGate(GateDirection.Entry), policy.ToAccessPolicy(), new PresenceBook());
        Assert.Equal(ReasonCode.Admitted, verdict.Reason);
        Assert.Equal(ReasonCode.Admitted, (await app.ScanAsync(app.Venue.VipInToken, code)).Reason);
    }

    [Fact]
    public async Task Presence_of_the_zone_is_synced()
    {
        var code = await app.IssueCodeAsync(await app.ApprovedGuestAsync());
        Assert.True(CredentialCodec.TryDecode(code, out var payload, out _));
        await app.ScanAsync(app.Venue.MainInToken, code);
        using var device = app.DeviceClient(app.Venue.MainOutToken);
        var presence = await (await device.GetAsync("/api/v1/device/presence")).OkAsync<PresenceDocument>();
        var entry = presence.Entries.Single(e => e.CredentialId == payload.CredentialId);
        Assert.True(entry.Inside);
        Assert.Equal(1, entry.EntriesInDay);
    }

    [Fact]
    public async Task Malformed_scan_bodies_are_refused_with_a_reason()
    {
        using var device = app.DeviceClient(app.Venue.MainInToken);
        var empty = await device.PostAsync("/api/v1/device/scans", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        await empty.AssertProblemAsync(422, AccessErrors.ScanNonceRequired);
        var noNonce = await device.PostAsJsonAsync("/api/v1/device/scans", new DeviceScanRequest(Guid.Empty, "x"), Intents.Json);
        await noNonce.AssertProblemAsync(422, AccessErrors.ScanNonceRequired);
        var notJson = await device.PostAsync("/api/v1/device/scans", new StringContent("\u0000\u0001garbage", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        var wrongType = new ByteArrayContent([1, 2, 3]);
        wrongType.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await device.PostAsync("/api/v1/device/scans", wrongType)).StatusCode);
    }
}
