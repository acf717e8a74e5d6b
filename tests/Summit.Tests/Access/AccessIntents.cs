using System.Net.Http.Headers;
using System.Net.Http.Json;
using Summit.Access.Core;
using Summit.Access.Core.Sync;
using Summit.Server.Access.Contracts;
using Summit.Server.Access.Credentials;
using Summit.Server.Access.Devices;
using Summit.Server.Access.Gates;
using Summit.Server.Access.Grants;
using Summit.Server.Access.Zones;
using Summit.Server.Guests;
using Summit.Server.Guests.Contracts;
using Summit.Server.Guests.Portal;
using Summit.Server.Infrastructure.Identity;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Access;

/// <summary>What access tests do through the HTTP API, named by intent.</summary>
public static class AccessIntents
{
    public static async Task<T> OkAsync<T>(this HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(Intents.Json))!;
    }

    /// <summary>MAIN (hard anti-passback), FORUM (timed, 10 minutes), VIP (soft); Delegates open MAIN and FORUM, VIPs everything.</summary>
    public static async Task<AccessWorldSetup> SetUpVenueAsync(this SummitFactory app)
    {
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var main = await (await secretariat.PostAsJsonAsync("/api/v1/access/zones",
            new ZoneInput("MAIN", "Main venue", "主会场", "Wuzhen Internet International Conference and Exhibition Center", 3000, AntiPassbackMode.Hard), Intents.Json))
            .OkAsync<ZoneView>();
        var forum = await (await secretariat.PostAsJsonAsync("/api/v1/access/zones",
            new ZoneInput("FORUM", "Forum hall", "分论坛厅", null, 400, AntiPassbackMode.Timed, 10), Intents.Json)).OkAsync<ZoneView>();
        var vip = await (await secretariat.PostAsJsonAsync("/api/v1/access/zones",
            new ZoneInput("VIP", "VIP lounge", "贵宾室", null, 60, AntiPassbackMode.Soft), Intents.Json)).OkAsync<ZoneView>();
        var mainIn = await CreateGateAsync(secretariat, "A1", main.Id, GateDirections.Entry);
        var mainOut = await CreateGateAsync(secretariat, "A2", main.Id, GateDirections.Exit);
        var forumIn = await CreateGateAsync(secretariat, "F1", forum.Id, GateDirections.Both);
        var vipIn = await CreateGateAsync(secretariat, "V1", vip.Id, GateDirections.Both);
        await SetCategoryZonesAsync(secretariat, app.Categories["Delegate"].Id, main.Id, forum.Id);
        await SetCategoryZonesAsync(secretariat, app.Categories["VIP"].Id, main.Id, forum.Id, vip.Id);
        return new AccessWorldSetup(main, forum, vip, mainIn, mainOut, forumIn, vipIn,
            await app.EnrolDeviceAsync(mainIn.Id), await app.EnrolDeviceAsync(mainOut.Id), await app.EnrolDeviceAsync(forumIn.Id),
            await app.EnrolDeviceAsync(vipIn.Id));
    }

    public static async Task<GateView> CreateGateAsync(HttpClient client, string code, Guid zoneId, GateDirections directions) =>
        await (await client.PostAsJsonAsync("/api/v1/access/gates", new GateInput(code, $"Gate {code}", $"{code}号闸口", zoneId, directions), Intents.Json))
            .OkAsync<GateView>();

    public static async Task SetCategoryZonesAsync(HttpClient client, Guid categoryId, params Guid[] zones) =>
        await (await client.PutAsJsonAsync($"/api/v1/access/category-zones/{categoryId}", zones.Select(z => new ZoneDays(z)).ToList(), Intents.Json))
            .OkAsync<CategoryZonesView>();

    /// <summary>Enrols a device on the gate (as the admin) and returns its token.</summary>
    public static async Task<string> EnrolDeviceAsync(this SummitFactory app, Guid gateId, string? name = null)
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        var enrolment = await (await admin.PostAsJsonAsync("/api/v1/access/devices", new DeviceInput(name ?? $"Turnstile {Guid.NewGuid():N}"[..20], gateId),
            Intents.Json)).OkAsync<DeviceEnrolment>();
        return enrolment.Token;
    }

    /// <summary>A registered, approved, in-person guest of the category.</summary>
    public static async Task<Guid> ApprovedGuestAsync(this SummitFactory app, string category = "Delegate")
    {
        var (guestId, _) = await app.RegisteredWithLinkAsync(Intents.NewGuestInput(category: category));
        await app.ApproveAsync(guestId);
        return guestId;
    }

    /// <summary>
    /// Many approved in-person guests with a code each, quickly: created and moved through the pipeline by staff (no portal, no
    /// photo), then issued their credentials in one bulk request.
    /// </summary>
    public static async Task<List<(Guid GuestId, string Code)>> ApprovedGuestsWithCodesAsync(this SummitFactory app, int count)
    {
        using var officer = await app.ClientForAsync(Roles.AccreditationOfficer);
        var guests = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var guest = await app.CreateGuestAsync();
            foreach (var status in new[] { GuestStatus.Registered, GuestStatus.Approved })
            {
                await (await officer.PostAsJsonAsync($"/api/v1/guests/{guest.Id}/status", new StatusChangeRequest(status, null, null), Intents.Json))
                    .OkAsync<GuestDetail>();
            }

            guests.Add(guest.Id);
        }

        var issued = await (await officer.PostAsJsonAsync("/api/v1/access/credentials/issue", new GuestSelection(guests), Intents.Json)).OkAsync<BulkResult>();
        Assert.Empty(issued.Refused);
        var codes = new List<(Guid, string)>();
        foreach (var guest in guests)
        {
            codes.Add((guest, await app.CodeOfAsync(guest)));
        }

        return codes;
    }

    /// <summary>A guest invited and registered through the portal; returns the token of their portal link too.</summary>
    public static async Task<(Guid GuestId, string Token)> RegisteredWithLinkAsync(this SummitFactory app, GuestInput input)
    {
        var guest = await app.CreateGuestAsync(input);
        var token = await app.InviteAsync(guest.Id);
        await (await app.RegisterAsync(token, Intents.RegistrationForm(TestImages.Jpeg(400, 500), mode: input.ParticipationMode))).OkAsync<PortalView>();
        return (guest.Id, token);
    }

    public static async Task<GuestDetail> ApproveAsync(this SummitFactory app, Guid guestId)
    {
        using var officer = await app.ClientForAsync(Roles.AccreditationOfficer);
        return await (await officer.PostAsJsonAsync($"/api/v1/guests/{guestId}/status", new StatusChangeRequest(GuestStatus.Approved, null, null), Intents.Json))
            .OkAsync<GuestDetail>();
    }

    /// <summary>Issues a credential to an approved guest and returns the text of its code.</summary>
    public static async Task<string> IssueCodeAsync(this SummitFactory app, Guid guestId)
    {
        using var officer = await app.ClientForAsync(Roles.AccreditationOfficer);
        await (await officer.PostAsync($"/api/v1/access/guests/{guestId}/credential", null)).OkAsync<CredentialView>();
        return await app.CodeOfAsync(guestId);
    }

    public static async Task<string> CodeOfAsync(this SummitFactory app, Guid guestId)
    {
        using var officer = await app.ClientForAsync(Roles.AccreditationOfficer);
        return (await (await officer.GetAsync($"/api/v1/access/guests/{guestId}/credential/code")).OkAsync<CodeBody>()).Code;
    }

    public static HttpClient DeviceClient(this SummitFactory app, string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Device", token);
        return client;
    }

    public static async Task<ScanResponse> ScanAsync(this SummitFactory app, string deviceToken, string code, GateDirection? direction = null,
        Guid? nonce = null)
    {
        using var device = app.DeviceClient(deviceToken);
        return await (await device.PostAsJsonAsync("/api/v1/device/scans", new DeviceScanRequest(nonce ?? Guid.NewGuid(), code, null, direction), Intents.Json))
            .OkAsync<ScanResponse>();
    }

    public static async Task<GuestStatus> StatusOfAsync(this SummitFactory app, Guid guestId)
    {
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        return (await (await secretariat.GetAsync($"/api/v1/guests/{guestId}")).OkAsync<GuestDetail>()).Status;
    }

    public sealed record CodeBody(string Code);
}
