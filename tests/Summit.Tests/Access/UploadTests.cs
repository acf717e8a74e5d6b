using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Access.Core;
using Summit.Access.Core.Sync;
using Summit.Server.Access;
using Summit.Server.Access.Contracts;
using Summit.Server.Access.Monitoring;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Access;

/// <summary>Journals of scans that gate agents decided offline: recorded once, late ones marked, double entries flagged.</summary>
public class UploadTests(AccessFactory app) : IClassFixture<AccessFactory>
{
    [Fact]
    public async Task An_upload_is_recorded_once_however_often_it_is_sent()
    {
        var code = await app.IssueCodeAsync(await app.ApprovedGuestAsync());
        var now = app.Clock.GetUtcNow();
        var journal = new List<JournalScan>
        {
            new(Guid.NewGuid(), code, GateDirection.Entry, ReasonCode.Admitted, now.AddSeconds(-30)),
            new(Guid.NewGuid(), code, GateDirection.Entry, ReasonCode.AlreadyInside, now.AddSeconds(-20)),
            new(Guid.NewGuid(), "garbage", GateDirection.Entry, ReasonCode.BadFormat, now.AddSeconds(-10)),
        };
        using var device = app.DeviceClient(app.Venue.MainInToken);
        var first = await (await device.PostAsJsonAsync("/api/v1/device/scans/upload", new ScanUploadRequest(journal), Intents.Json)).OkAsync<ScanUploadResponse>();
        var again = await (await device.PostAsJsonAsync("/api/v1/device/scans/upload", new ScanUploadRequest(journal), Intents.Json)).OkAsync<ScanUploadResponse>();

        Assert.Equal((3, 0, 0), (first.Recorded, first.Duplicates, first.Late));
        Assert.Equal((0, 3), (again.Recorded, again.Duplicates));
        var nonces = journal.Select(j => j.Nonce).ToList();
        var stored = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Scans.AsNoTracking().Where(s => nonces.Contains(s.Nonce)).ToListAsync());
        Assert.Equal(3, stored.Count);
        Assert.Equal(ReasonCode.AlreadyInside, stored.Single(s => s.Nonce == journal[1].Nonce).Reason);
        Assert.All(stored, s => Assert.Equal(now, s.ReceivedAt));
        Assert.Equal(journal[0].ScannedAt, stored.Single(s => s.Nonce == journal[0].Nonce).ScannedAt);
        Assert.Null(stored.Single(s => s.Nonce == journal[2].Nonce).GuestId);

        // The uploaded entry counts: the person is inside, so the server refuses another entry.
        Assert.Equal(ReasonCode.AlreadyInside, (await app.ScanAsync(app.Venue.MainInToken, code)).Reason);
    }

    [Fact]
    public async Task Scans_uploaded_long_after_they_were_made_are_marked_late()
    {
        var code = await app.IssueCodeAsync(await app.ApprovedGuestAsync());
        var now = app.Clock.GetUtcNow();
        using var device = app.DeviceClient(app.Venue.ForumInToken);
        var response = await (await device.PostAsJsonAsync("/api/v1/device/scans/upload", new ScanUploadRequest(
        [
            // A gate PC on local time: the offset must not matter (PostgreSQL stores instants in UTC).
            new(Guid.NewGuid(), code, GateDirection.Entry, ReasonCode.Admitted, now.AddMinutes(-15).ToOffset(TimeSpan.FromHours(8))),
            new(Guid.NewGuid(), code, GateDirection.Exit, ReasonCode.Admitted, now.AddSeconds(-5)),
        ]), Intents.Json)).OkAsync<ScanUploadResponse>();
        Assert.Equal(2, response.Recorded);
        Assert.Equal(1, response.Late);
    }

    [Fact]
    public async Task Two_offline_gates_admitting_the_same_person_are_flagged_as_a_conflict()
    {
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var secondEntrance = await AccessIntents.CreateGateAsync(secretariat, "A3", app.Venue.Main.Id, GateDirections.Entry);
        var otherAgent = await app.EnrolDeviceAsync(secondEntrance.Id);
        var guest = await app.ApprovedGuestAsync();
        var code = await app.IssueCodeAsync(guest);
        var now = app.Clock.GetUtcNow();

        // Gate A1 was offline and let the person in five minutes ago; A3, also offline, did the same a minute later.
        using var a1 = app.DeviceClient(app.Venue.MainInToken);
        using var a3 = app.DeviceClient(otherAgent);
        var firstUpload = await (await a1.PostAsJsonAsync("/api/v1/device/scans/upload", new ScanUploadRequest(
            [new(Guid.NewGuid(), code, GateDirection.Entry, ReasonCode.Admitted, now.AddMinutes(-5))]), Intents.Json)).OkAsync<ScanUploadResponse>();
        Assert.Empty(firstUpload.Conflicts);
        var secondUpload = await (await a3.PostAsJsonAsync("/api/v1/device/scans/upload", new ScanUploadRequest(
            [new(Guid.NewGuid(), code, GateDirection.Entry, ReasonCode.Admitted, now.AddMinutes(-4))]), Intents.Json)).OkAsync<ScanUploadResponse>();

        var conflict = Assert.Single(secondUpload.Conflicts);
        Assert.Equal(app.Venue.Main.Number, conflict.Zone);
        using var operations = await app.ClientForAsync(Roles.OperationsCentre);
        var open = await (await operations.GetAsync("/api/v1/access/conflicts")).OkAsync<List<ConflictView>>();
        var listed = open.Single(c => c.Id == conflict.ConflictId);
        Assert.Equal(guest, listed.GuestId);
        Assert.Equal("A1", listed.First.GateCode);
        Assert.Equal("A3", listed.Second.GateCode);
        Assert.True(listed.First.Conflict && listed.Second.Conflict);

        await (await operations.PostAsJsonAsync($"/api/v1/access/conflicts/{conflict.ConflictId}/resolve", new ResolveConflictRequest(""), Intents.Json))
            .AssertProblemAsync(422, AccessErrors.ResolutionRequired);
        var resolved = await operations.PostAsJsonAsync($"/api/v1/access/conflicts/{conflict.ConflictId}/resolve",
            new ResolveConflictRequest("Badge shared with an assistant; reissued"), Intents.Json);
        Assert.True(resolved.IsSuccessStatusCode);
        Assert.DoesNotContain(await (await operations.GetAsync("/api/v1/access/conflicts")).OkAsync<List<ConflictView>>(), c => c.Id == conflict.ConflictId);
    }

    [Fact]
    public async Task An_offline_entry_followed_by_an_online_entry_without_exit_is_a_conflict_too()
    {
        var code = await app.IssueCodeAsync(await app.ApprovedGuestAsync());
        var now = app.Clock.GetUtcNow();
        Assert.True((await app.ScanAsync(app.Venue.MainInToken, code)).Admitted);
        using var other = app.DeviceClient(await app.EnrolDeviceAsync(app.Venue.MainIn.Id));
        var upload = await (await other.PostAsJsonAsync("/api/v1/device/scans/upload", new ScanUploadRequest(
            [new(Guid.NewGuid(), code, GateDirection.Entry, ReasonCode.Admitted, now.AddMinutes(-2))]), Intents.Json)).OkAsync<ScanUploadResponse>();
        Assert.Single(upload.Conflicts);
    }

    [Fact]
    public async Task An_exit_between_two_entries_is_no_conflict()
    {
        var code = await app.IssueCodeAsync(await app.ApprovedGuestAsync());
        var now = app.Clock.GetUtcNow();
        using var entrance = app.DeviceClient(app.Venue.MainInToken);
        using var exit = app.DeviceClient(app.Venue.MainOutToken);
        await entrance.PostAsJsonAsync("/api/v1/device/scans/upload", new ScanUploadRequest(
            [new(Guid.NewGuid(), code, GateDirection.Entry, ReasonCode.Admitted, now.AddMinutes(-9))]), Intents.Json);
        await exit.PostAsJsonAsync("/api/v1/device/scans/upload", new ScanUploadRequest(
            [new(Guid.NewGuid(), code, GateDirection.Exit, ReasonCode.Admitted, now.AddMinutes(-8))]), Intents.Json);
        var second = await (await entrance.PostAsJsonAsync("/api/v1/device/scans/upload", new ScanUploadRequest(
            [new(Guid.NewGuid(), code, GateDirection.Entry, ReasonCode.Admitted, now.AddMinutes(-7))]), Intents.Json)).OkAsync<ScanUploadResponse>();
        Assert.Empty(second.Conflicts);
    }

    [Fact]
    public async Task An_exit_uploaded_by_an_entry_only_gate_is_kept_but_does_not_move_the_person()
    {
        // The attack: the agent of entry-only gate A1 uploads {Exit, Admitted} for a genuine code, and the person is "outside".
        var code = await app.IssueCodeAsync(await app.ApprovedGuestAsync());
        Assert.True((await app.ScanAsync(app.Venue.MainInToken, code)).Admitted);
        var nonce = Guid.NewGuid();
        var upload = await UploadAsync(app.Venue.MainInToken, new JournalScan(nonce, code, GateDirection.Exit, ReasonCode.Admitted, app.Clock.GetUtcNow()));
        Assert.Equal(1, upload.Recorded);

        var stored = await StoredAsync(nonce);
        Assert.Equal((ReasonCode.DirectionNotAllowed, false, ReasonCode.Admitted), (stored.Reason, stored.Admitted, stored.DeviceReason));
        Assert.Equal(ReasonCode.AlreadyInside, (await app.ScanAsync(app.Venue.MainInToken, code)).Reason);
        await AssertDisputeRaisedAsync(app.Venue.MainIn.Id, stored.Id);
    }

    [Fact]
    public async Task A_forged_code_uploaded_as_admitted_is_recorded_as_the_server_finds_it()
    {
        var genuine = await app.IssueCodeAsync(await app.ApprovedGuestAsync());
        var forged = genuine[..^10] + (genuine[^10] == 'A' ? 'B' : 'A') + genuine[^9..];
        var nonce = Guid.NewGuid();
        await UploadAsync(app.Venue.MainInToken, new JournalScan(nonce, forged, GateDirection.Entry, ReasonCode.Admitted, app.Clock.GetUtcNow()));

        var stored = await StoredAsync(nonce);
        Assert.Equal((ReasonCode.BadSignature, false, ReasonCode.Admitted), (stored.Reason, stored.Admitted, stored.DeviceReason));
        Assert.Null(stored.GuestId);
        await AssertDisputeRaisedAsync(app.Venue.MainIn.Id, stored.Id);
    }

    [Fact]
    public async Task An_admission_the_policy_never_allowed_is_disputed_and_stored_once()
    {
        // A delegate's code opens MAIN and FORUM, not the VIP lounge: a VIP gate that admitted it was wrong, or lied.
        var code = await app.IssueCodeAsync(await app.ApprovedGuestAsync());
        var scan = new JournalScan(Guid.NewGuid(), code, GateDirection.Entry, ReasonCode.Admitted, app.Clock.GetUtcNow().AddMinutes(-3));
        var first = await UploadAsync(app.Venue.VipInToken, scan);
        var again = await UploadAsync(app.Venue.VipInToken, scan);
        Assert.Equal((1, 0), (first.Recorded, first.Duplicates));
        Assert.Equal((0, 1), (again.Recorded, again.Duplicates));

        var stored = await StoredAsync(scan.Nonce);
        Assert.Equal((ReasonCode.ZoneNotGranted, false, ReasonCode.Admitted), (stored.Reason, stored.Admitted, stored.DeviceReason));
        var incident = await AssertDisputeRaisedAsync(app.Venue.VipIn.Id, stored.Id);
        Assert.Single(incident.Evidence, e => e.Reference == stored.Id.ToString());
        Assert.False(await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().ZonePresence.AnyAsync(p => p.Zone == app.Venue.Vip.Number && p.Inside)));
    }

    [Fact]
    public async Task What_the_server_agrees_with_is_recorded_with_the_gates_claim_and_raises_nothing()
    {
        var code = await app.IssueCodeAsync(await app.ApprovedGuestAsync());
        var admitted = new JournalScan(Guid.NewGuid(), code, GateDirection.Entry, ReasonCode.Admitted, app.Clock.GetUtcNow().AddMinutes(-2));
        var refused = new JournalScan(Guid.NewGuid(), code, GateDirection.Entry, ReasonCode.AlreadyInside, app.Clock.GetUtcNow().AddMinutes(-1));
        await UploadAsync(app.Venue.ForumInToken, admitted, refused);

        var first = await StoredAsync(admitted.Nonce);
        var second = await StoredAsync(refused.Nonce);
        Assert.Equal((ReasonCode.Admitted, true, ReasonCode.Admitted), (first.Reason, first.Admitted, first.DeviceReason));
        Assert.Equal((ReasonCode.AlreadyInside, false, ReasonCode.AlreadyInside), (second.Reason, second.Admitted, second.DeviceReason));
        var disputes = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Incidents.AsNoTracking()
            .CountAsync(i => i.Cause == "access.upload-disputed" && i.GateId == app.Venue.ForumIn.Id));
        Assert.Equal(0, disputes);
    }

    private async Task<ScanUploadResponse> UploadAsync(string token, params JournalScan[] scans)
    {
        using var device = app.DeviceClient(token);
        return await (await device.PostAsJsonAsync("/api/v1/device/scans/upload", new ScanUploadRequest(scans), Intents.Json)).OkAsync<ScanUploadResponse>();
    }

    private Task<Summit.Server.Access.Domain.Scan> StoredAsync(Guid nonce) =>
        app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Scans.AsNoTracking().SingleAsync(s => s.Nonce == nonce));

    /// <summary>The gate's open dispute incident holds the scan as evidence, for the operations team.</summary>
    private async Task<Summit.Server.Incidents.Reading.IncidentDetail> AssertDisputeRaisedAsync(Guid gateId, Guid scanId)
    {
        using var operations = await app.ClientForAsync(Roles.OperationsCentre);
        var incidents = await (await operations.GetAsync("/api/v1/incidents?active=true")).OkAsync<List<Summit.Server.Incidents.Reading.IncidentSummary>>();
        var dispute = Assert.Single(incidents, i => i.Place.GateId == gateId && i.Automatic && i.Type == Summit.Server.Infrastructure.Incidents.IncidentType.Security
            && i.Title.Contains("disputed", StringComparison.OrdinalIgnoreCase));
        var detail = await (await operations.GetAsync($"/api/v1/incidents/{dispute.Number}")).OkAsync<Summit.Server.Incidents.Reading.IncidentDetail>();
        Assert.Contains(detail.Evidence, e => e.Kind == "scan" && e.Reference == scanId.ToString());

        var scans = await (await operations.GetAsync($"/api/v1/access/scans?gate={gateId}&count=200")).OkAsync<List<ScanListItem>>();
        Assert.Contains(scans, s => s.Id == scanId && s.DeviceReason == ReasonCode.Admitted);
        return detail;
    }

    [Fact]
    public async Task Entries_that_can_never_be_recorded_are_rejected_one_by_one_and_the_rest_is_kept()
    {
        var now = app.Clock.GetUtcNow();
        var good = Guid.NewGuid();
        var body = $$"""
            {"scans":[
              {"nonce":"00000000-0000-0000-0000-000000000000","code":"x","direction":"Entry","reason":"BadFormat","scannedAt":"{{now:O}}"},
              {"nonce":"{{Guid.NewGuid()}}","code":"x","direction":"Entry","reason":999,"scannedAt":"{{now:O}}"},
              {"nonce":"{{Guid.NewGuid()}}","code":"x","direction":"Entry","reason":"BadFormat","scannedAt":"{{now.AddDays(3):O}}"},
              {"nonce":"{{good}}","code":"x","direction":"Entry","reason":"BadFormat","scannedAt":"{{now:O}}"}
            ]}
            """;
        using var device = app.DeviceClient(app.Venue.MainInToken);
        var response = await (await device.PostAsync("/api/v1/device/scans/upload", new StringContent(body, System.Text.Encoding.UTF8, "application/json")))
            .OkAsync<ScanUploadResponse>();
        Assert.Equal(1, response.Recorded);
        Assert.Equal(3, response.Rejected.Count);
        Assert.Contains(response.Rejected, r => r.Message.Contains("nonce", StringComparison.OrdinalIgnoreCase));
    }
}
