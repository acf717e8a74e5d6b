using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Summit.BrowserTests;

/// <summary>
/// Sets up what the access browser tests need through the REST API, as an organizer would: the demo event has no zones,
/// gates or credentials of its own to rely on. Each test makes its own zone, gate and guests, so tests do not share counts.
/// </summary>
public sealed class AccessSetup(SummitServer server, HttpClient admin) : IDisposable
{
    private const string Category = "Speaker";

    /// <summary>Signs in as the demo admin through the API (a bearer token).</summary>
    public static async Task<AccessSetup> SignInAsync(SummitServer server)
    {
        var admin = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var login = await admin.PostAsJsonAsync("/api/v1/auth/login", new { email = SummitServer.AdminEmail, password = SummitServer.Password });
        var token = (await OkAsync(login))["accessToken"]!.GetValue<string>();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new AccessSetup(server, admin);
    }

    /// <summary>
    /// A zone (hard anti-passback: a second entry waits for an exit) with one entry gate, opened to the Speaker category; its capacity
    /// is a soft limit, and it has no place on the venue plan unless given one.
    /// </summary>
    public async Task<TestLane> LaneAsync(int capacity = 40, object? plan = null)
    {
        // Codes of its own, so tests (and a demo venue) never collide; names a venue would use, as they show in the docs images.
        var suffix = Guid.NewGuid().ToString("N")[..4].ToUpperInvariant();
        var zone = await OkAsync(await admin.PostAsJsonAsync("/api/v1/access/zones", new
        {
            code = "HALL-" + suffix,
            nameEn = "Main conference hall",
            nameZh = "主会场",
            capacity,
            antiPassback = "Hard",
            plan,
        }));
        var zoneId = zone["id"]!.GetValue<Guid>();
        var gate = await OkAsync(await admin.PostAsJsonAsync("/api/v1/access/gates", new
        {
            code = "E-" + suffix,
            nameEn = "East entrance",
            nameZh = "东门入口",
            zoneId,
            directions = "Entry",
        }));

        // The category keeps the zones other tests gave it: PUT replaces the whole list.
        var categoryId = await CategoryIdAsync();
        var granted = (await OkArrayAsync(await admin.GetAsync("/api/v1/access/category-zones")))
            .Where(c => c!["categoryId"]!.GetValue<Guid>() == categoryId)
            .SelectMany(c => c!["zones"]!.AsArray())
            .Select(z => z!.DeepClone())
            .ToList();
        granted.Add(new JsonObject { ["zoneId"] = zoneId });
        await OkAsync(await admin.PutAsJsonAsync($"/api/v1/access/category-zones/{categoryId}", new JsonArray([.. granted])));
        return new TestLane(zoneId, zone["code"]!.GetValue<string>(), gate["id"]!.GetValue<Guid>(), gate["code"]!.GetValue<string>());
    }

    /// <summary>
    /// Creates, invites and registers (with a photo, and face consent) a Speaker and approves them, with the credential that goes with it.
    /// </summary>
    /// <param name="photo">The portal photo; a drawn head without a face by default, which the face check cannot enrol.</param>
    public async Task<TestHolder> AccreditedGuestAsync(string familyName = "欧阳", string givenName = "思远", string familyLatin = "Ouyang",
        string givenLatin = "Siyuan", string organisation = "Zhejiang Lab", byte[]? photo = null)
    {
        var guest = await OkAsync(await admin.PostAsJsonAsync("/api/v1/guests", new
        {
            familyName,
            givenName,
            familyNameLatin = familyLatin,
            givenNameLatin = givenLatin,
            organisation,
            organisationType = "ResearchInstitute",
            country = "CN",
            email = $"lane-{Guid.NewGuid():N}@example.org",
            language = "zh-Hans",
            participationMode = "InPerson",
            category = Category,
        }));
        var guestId = guest["id"]!.GetValue<Guid>();
        var invitations = await OkAsync(await admin.PostAsJsonAsync("/api/v1/guests/invitations", new { guestIds = new[] { guestId } }));
        var token = invitations["sent"]![0]!["link"]!.GetValue<string>().Split("/portal/")[1];

        using var form = new MultipartFormDataContent
        {
            { new StringContent(familyName), "familyName" },
            { new StringContent(givenName), "givenName" },
            { new StringContent(familyLatin), "familyNameLatin" },
            { new StringContent(givenLatin), "givenNameLatin" },
            { new StringContent(organisation), "organisation" },
            { new StringContent("ResearchInstitute"), "organisationType" },
            { new StringContent("CN"), "country" },
            { new StringContent("zh-Hans"), "language" },
            { new StringContent("InPerson"), "participationMode" },
            { new StringContent("E" + Random.Shared.Next(10_000_000, 99_999_999)), "passportNumber" },
            { new StringContent("true"), "dataConsent" },
            { new StringContent("true"), "faceConsent" },
        };
        var portrait = new ByteArrayContent(photo ?? TestImages.Portrait());
        portrait.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(portrait, "photo", "me.jpg");
        using var portal = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        await OkAsync(await portal.PostAsync($"/api/v1/portal/{token}/registration", form));

        await OkAsync(await admin.PostAsJsonAsync($"/api/v1/guests/{guestId}/status", new { to = "Approved" }));
        // Approval issues the credential when the event says so (the default); otherwise the accreditation desk does.
        var credential = (await OkAsync(await admin.GetAsync($"/api/v1/access/guests/{guestId}/credential")))["active"] as JsonObject
            ?? await OkAsync(await admin.PostAsync($"/api/v1/access/guests/{guestId}/credential", null));
        var now = TimeProvider.System.GetUtcNow();
        Assert.True(credential["validFrom"]!.GetValue<DateTimeOffset>() <= now && now < credential["validUntil"]!.GetValue<DateTimeOffset>(),
            $"The credential is not valid today ({credential["validFrom"]} to {credential["validUntil"]}): the event's access settings were made for other dates.");
        var code = (await OkAsync(await admin.GetAsync($"/api/v1/access/guests/{guestId}/credential/code")))["code"]!.GetValue<string>();
        return new TestHolder(guestId, $"{givenLatin} {familyLatin.ToUpperInvariant()}", familyName + givenName, code);
    }

    /// <summary>Enrols a consenting guest's face from their portal photo now (not waiting for the background worker); answers the state.</summary>
    public async Task<string> EnrolFaceAsync(Guid guestId) =>
        (await OkAsync(await admin.PostAsync($"/api/v1/faces/guests/{guestId}/enrol-from-photo", null)))["state"]!.GetValue<string>();

    /// <summary>How many face distances the event's gates recorded: admitted 1:1 matches and face mismatches (the thresholds page's counts).</summary>
    public async Task<(int Matched, int Mismatched)> FaceDistanceCountsAsync()
    {
        var report = await OkAsync(await admin.GetAsync("/api/v1/faces/thresholds"));
        return (report["matched"]!.GetValue<int>(), report["mismatched"]!.GetValue<int>());
    }

    /// <summary>Scans at a console through the API, as another operator's browser would.</summary>
    public async Task<JsonObject> ScanAsync(TestLane lane, string code) =>
        await OkAsync(await admin.PostAsJsonAsync($"/api/v1/access/gates/{lane.GateId}/scans", new { nonce = Guid.NewGuid(), code }));

    /// <summary>
    /// A gate agent on the lane's gate that was offline and uploads, late, an entry it admitted a minute ago: if the person
    /// entered online meanwhile without an exit, the server flags a double entry.
    /// </summary>
    public async Task<JsonObject> UploadOfflineEntryAsync(TestLane lane, string code)
    {
        var enrolment = await OkAsync(await admin.PostAsJsonAsync("/api/v1/access/devices", new { name = "Turnstile " + lane.GateCode, gateId = lane.GateId }));
        using var device = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        device.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Device", enrolment["token"]!.GetValue<string>());
        var scan = new { nonce = Guid.NewGuid(), code, direction = "Entry", reason = "Admitted", scannedAt = TimeProvider.System.GetUtcNow().AddMinutes(-1) };
        return await OkAsync(await device.PostAsJsonAsync("/api/v1/device/scans/upload", new { scans = new[] { scan } }));
    }

    /// <summary>Enrols a body-temperature sensor on the lane's gate; its secret is in this answer only.</summary>
    public async Task<TestSensor> SensorAsync(TestLane lane)
    {
        var code = "IR-" + lane.GateCode;
        var enrolment = await OkAsync(await admin.PostAsJsonAsync("/api/v1/screening/sensors", new { code, name = "Infrared camera " + lane.GateCode, gateId = lane.GateId }));
        return new TestSensor(enrolment["sensor"]!["id"]!.GetValue<Guid>(), code, enrolment["secret"]!.GetValue<string>());
    }

    /// <summary>How many readings the server has stored from a sensor (the sensor list's count).</summary>
    public async Task<long> ReadingCountAsync(TestSensor sensor) =>
        (await OkArrayAsync(await admin.GetAsync("/api/v1/screening/sensors"))).Single(s => s!["id"]!.GetValue<Guid>() == sensor.Id)!["readingCount"]!
            .GetValue<long>();

    public void Dispose() => admin.Dispose();

    private async Task<Guid> CategoryIdAsync() =>
        (await OkArrayAsync(await admin.GetAsync("/api/v1/categories"))).Single(c => c!["code"]!.GetValue<string>() == Category)!["id"]!.GetValue<Guid>();

    private static async Task<JsonObject> OkAsync(HttpResponseMessage response) =>
        (await ReadAsync(response)) as JsonObject ?? [];

    private static async Task<JsonArray> OkArrayAsync(HttpResponseMessage response) =>
        (await ReadAsync(response))!.AsArray();

    private static async Task<JsonNode?> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        return body.Length == 0 ? null : JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true });
    }
}
