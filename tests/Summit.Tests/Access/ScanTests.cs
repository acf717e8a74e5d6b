using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Access.Core;
using Summit.Access.Core.Sync;
using Summit.Server.Access;
using Summit.Server.Access.Blocks;
using Summit.Server.Access.Contracts;
using Summit.Server.Access.Gates;
using Summit.Server.Access.Grants;
using Summit.Server.Access.Monitoring;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Access;

public class ScanTests(AccessFactory app) : IClassFixture<AccessFactory>
{
    [Fact]
    public async Task An_admitted_scan_shows_the_holder_and_records_both_times()
    {
        var guest = await app.ApprovedGuestAsync();
        var code = await app.IssueCodeAsync(guest);
        var scan = await app.ScanAsync(app.Venue.MainInToken, code);

        Assert.True(scan.Admitted);
        Assert.Equal(ReasonCode.Admitted, scan.Reason);
        Assert.Equal("Admitted", scan.Message);
        Assert.Equal("准予通行", scan.MessageZh);
        Assert.Equal("Xiaoming WANG", scan.Holder!.Name);
        Assert.Equal("王小明", scan.Holder.NameOriginal);
        Assert.Equal("Delegate", scan.Holder.CategoryCode);
        Assert.False(scan.Duplicate);
        Assert.Equal(app.Clock.GetUtcNow(), scan.ReceivedAt);

        using var device = app.DeviceClient(app.Venue.MainInToken);
        var photo = await device.GetAsync(scan.Holder.PhotoUrl);
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_device_sees_only_the_photos_of_people_it_just_scanned()
    {
        var guest = await app.ApprovedGuestAsync();
        var code = await app.IssueCodeAsync(guest);
        var scan = await app.ScanAsync(app.Venue.MainInToken, code);
        using var otherDevice = app.DeviceClient(app.Venue.VipInToken);
        Assert.Equal(HttpStatusCode.NotFound, (await otherDevice.GetAsync(scan.Holder!.PhotoUrl)).StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(11));
        using var device = app.DeviceClient(app.Venue.MainInToken);
        Assert.Equal(HttpStatusCode.NotFound, (await device.GetAsync(scan.Holder.PhotoUrl)).StatusCode);
    }

    [Fact]
    public async Task The_same_nonce_twice_is_one_scan()
    {
        var code = await app.IssueCodeAsync(await app.ApprovedGuestAsync());
        var nonce = Guid.NewGuid();
        var first = await app.ScanAsync(app.Venue.MainInToken, code, nonce: nonce);
        var again = await app.ScanAsync(app.Venue.MainInToken, code, nonce: nonce);

        Assert.True(first.Admitted);
        Assert.True(again.Admitted);
        Assert.True(again.Duplicate);
        Assert.Equal(first.ScanId, again.ScanId);
        Assert.Equal(1, await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Scans.CountAsync(s => s.Nonce == nonce)));
    }

    [Fact]
    public async Task Hard_anti_passback_refuses_a_second_entry_until_an_exit()
    {
        var code = await app.IssueCodeAsync(await app.ApprovedGuestAsync());
        Assert.True((await app.ScanAsync(app.Venue.MainInToken, code)).Admitted);
        Assert.Equal(ReasonCode.AlreadyInside, (await app.ScanAsync(app.Venue.MainInToken, code)).Reason);
        Assert.True((await app.ScanAsync(app.Venue.MainOutToken, code)).Admitted);
        Assert.True((await app.ScanAsync(app.Venue.MainInToken, code)).Admitted);
    }

    [Fact]
    public async Task Timed_anti_passback_refuses_re_entry_within_its_minutes()
    {
        var code = await app.IssueCodeAsync(await app.ApprovedGuestAsync());
        Assert.True((await app.ScanAsync(app.Venue.ForumInToken, code)).Admitted);
        Assert.True((await app.ScanAsync(app.Venue.ForumInToken, code, GateDirection.Exit)).Admitted);
        Assert.Equal(ReasonCode.ReentryTooSoon, (await app.ScanAsync(app.Venue.ForumInToken, code)).Reason);
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.True((await app.ScanAsync(app.Venue.ForumInToken, code)).Admitted);
    }

    [Fact]
    public async Task Soft_anti_passback_admits_with_an_alert()
    {
        var code = await app.IssueCodeAsync(await app.ApprovedGuestAsync("VIP"));
        Assert.Equal(ReasonCode.Admitted, (await app.ScanAsync(app.Venue.VipInToken, code)).Reason);
        var second = await app.ScanAsync(app.Venue.VipInToken, code);
        Assert.True(second.Admitted);
        Assert.Equal(ReasonCode.AdmittedWithAlert, second.Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("S1AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Malformed_codes_are_refused_and_recorded_without_identity(string code)
    {
        var scan = await app.ScanAsync(app.Venue.MainInToken, code);
        Assert.False(scan.Admitted);
        Assert.Contains(scan.Reason, new[] { ReasonCode.BadFormat, ReasonCode.UnknownKey, ReasonCode.BadSignature });
        Assert.Null(scan.Holder);
    }

    [Fact]
    public async Task A_huge_or_binary_code_is_a_bad_format_not_a_crash()
    {
        var huge = new string('A', 100_000);
        Assert.Equal(ReasonCode.BadFormat, (await app.ScanAsync(app.Venue.MainInToken, huge)).Reason);
        Assert.Equal(ReasonCode.BadFormat, (await app.ScanAsync(app.Venue.MainInToken, "S1\u0000\u00ff\ud83d\ude00")).Reason);
    }

    [Fact]
    public async Task An_altered_code_is_refused_and_names_nobody()
    {
        var code = await app.IssueCodeAsync(await app.ApprovedGuestAsync());
        var altered = code[..50] + (code[50] == 'A' ? 'B' : 'A') + code[51..];
        var scan = await app.ScanAsync(app.Venue.MainInToken, altered);
        Assert.Equal(ReasonCode.BadSignature, scan.Reason);
        Assert.Null(scan.Holder);
    }

    [Fact]
    public async Task A_blocked_person_is_refused_everywhere_until_unblocked()
    {
        var guest = await app.ApprovedGuestAsync();
        var code = await app.IssueCodeAsync(guest);
        using var security = await app.ClientForAsync(Roles.SecurityOfficer);
        await (await security.PutAsJsonAsync($"/api/v1/access/guests/{guest}/block", new BlockInput("Under investigation"), Intents.Json)).OkAsync<BlockView>();
        Assert.Equal(ReasonCode.PersonBlocked, (await app.ScanAsync(app.Venue.MainInToken, code)).Reason);
        await security.DeleteAsync($"/api/v1/access/guests/{guest}/block");
        Assert.True((await app.ScanAsync(app.Venue.MainInToken, code)).Admitted);
    }

    [Fact]
    public async Task Personal_additions_and_removals_change_what_a_code_opens()
    {
        var guest = await app.ApprovedGuestAsync();
        var code = await app.IssueCodeAsync(guest);
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        Assert.Equal(ReasonCode.ZoneNotGranted, (await app.ScanAsync(app.Venue.VipInToken, code)).Reason);
        var added = await (await secretariat.PostAsJsonAsync($"/api/v1/access/guests/{guest}/zones",
            new PersonalGrantInput(app.Venue.Vip.Id, GrantChange.Add, Reason: "Bilateral meeting"), Intents.Json)).OkAsync<PersonalGrantView>();
        Assert.True((await app.ScanAsync(app.Venue.VipInToken, code)).Admitted);
        Assert.True((await app.ScanAsync(app.Venue.VipInToken, code, GateDirection.Exit)).Admitted);

        await secretariat.DeleteAsync($"/api/v1/access/guests/{guest}/zones/{added.Id}");
        await (await secretariat.PostAsJsonAsync($"/api/v1/access/guests/{guest}/zones", new PersonalGrantInput(app.Venue.Forum.Id, GrantChange.Remove), Intents.Json))
            .OkAsync<PersonalGrantView>();
        Assert.Equal(ReasonCode.ZoneNotGranted, (await app.ScanAsync(app.Venue.VipInToken, code)).Reason);
        Assert.Equal(ReasonCode.ZoneNotGranted, (await app.ScanAsync(app.Venue.ForumInToken, code)).Reason);
    }

    [Fact]
    public async Task A_closed_gate_refuses_everyone()
    {
        var code = await app.IssueCodeAsync(await app.ApprovedGuestAsync());
        using var operations = await app.ClientForAsync(Roles.OperationsCentre);
        await (await operations.PostAsJsonAsync($"/api/v1/access/gates/{app.Venue.ForumIn.Id}/open", new GateOpenRequest(false), Intents.Json)).OkAsync<GateView>();
        try
        {
            Assert.Equal(ReasonCode.GateClosed, (await app.ScanAsync(app.Venue.ForumInToken, code)).Reason);
        }
        finally
        {
            await operations.PostAsJsonAsync($"/api/v1/access/gates/{app.Venue.ForumIn.Id}/open", new GateOpenRequest(true), Intents.Json);
        }

        Assert.True((await app.ScanAsync(app.Venue.ForumInToken, code)).Admitted);
    }

    [Fact]
    public async Task A_gate_refuses_a_direction_it_does_not_have()
    {
        using var device = app.DeviceClient(app.Venue.MainInToken);
        var response = await device.PostAsJsonAsync("/api/v1/device/scans", new DeviceScanRequest(Guid.NewGuid(), "x", null, GateDirection.Exit), Intents.Json);
        await response.AssertProblemAsync(422, AccessErrors.ScanDirectionNotAllowed);
    }

    [Fact]
    public async Task A_lane_changed_since_the_last_scan_is_checked_with_the_current_policy()
    {
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var lane = await AccessIntents.CreateGateAsync(secretariat, "F9", app.Venue.Forum.Id, GateDirections.Both);
        var token = await app.EnrolDeviceAsync(lane.Id);
        var code = await app.IssueCodeAsync(await app.ApprovedGuestAsync());
        Assert.True((await app.ScanAsync(token, code)).Admitted);

        // The scan endpoint resolves the lane from the policy it last read; the scan processor decides with the current one.
        await (await secretariat.PutAsJsonAsync($"/api/v1/access/gates/{lane.Id}", new GateInput("F9", "Gate F9", "F9号闸口", app.Venue.Forum.Id,
            GateDirections.Entry), Intents.Json)).OkAsync<GateView>();
        using var device = app.DeviceClient(token);
        var exit = await device.PostAsJsonAsync("/api/v1/device/scans", new DeviceScanRequest(Guid.NewGuid(), code, null, GateDirection.Exit), Intents.Json);
        await exit.AssertProblemAsync(422, AccessErrors.ScanDirectionNotAllowed);
    }

    [Fact]
    public async Task A_console_scan_is_decided_for_the_operator_and_shows_on_the_monitor()
    {
        var guest = await app.ApprovedGuestAsync();
        var code = await app.IssueCodeAsync(guest);
        using var operatorClient = await app.ClientForAsync(Roles.GateOperator);
        var scan = await (await operatorClient.PostAsJsonAsync($"/api/v1/access/gates/{app.Venue.MainIn.Id}/scans", new ConsoleScanRequest(Guid.NewGuid(), code),
            Intents.Json)).OkAsync<ScanResponse>();
        Assert.True(scan.Admitted);
        Assert.Equal($"/api/v1/guests/{guest}/photo", scan.Holder!.PhotoUrl);
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync(scan.Holder.PhotoUrl)).StatusCode);

        using var operations = await app.ClientForAsync(Roles.OperationsCentre);
        var occupancy = await (await operations.GetAsync("/api/v1/access/occupancy")).OkAsync<OccupancyView>();
        Assert.True(occupancy.Zones.Single(z => z.Code == "MAIN").Inside >= 1);
        Assert.True(occupancy.Gates.Single(g => g.Code == "A1").Minutes.Sum(m => m.Entries) >= 1);
        var recent = await (await operations.GetAsync($"/api/v1/access/scans?gate={app.Venue.MainIn.Id}&count=5")).OkAsync<List<ScanListItem>>();
        Assert.Equal(scan.ScanId, recent[0].Id);
        Assert.Equal("Xiaoming WANG", recent[0].HolderName);
    }
}
