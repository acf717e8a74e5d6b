using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Summit.Server.Guests;
using Summit.Server.Guests.Invitations;
using Summit.Server.Guests.Portal;
using Summit.Server.Infrastructure.Identity;

namespace Summit.Tests.Infrastructure;

/// <summary>What tests do through the HTTP API, named by intent.</summary>
public static class Intents
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static int _counter;

    public static GuestInput NewGuestInput(string? email = null, string category = "Delegate", string? passport = null) => new()
    {
        FamilyName = "王",
        GivenName = "小明",
        FamilyNameLatin = "Wang",
        GivenNameLatin = "Xiaoming",
        Organisation = "Zhejiang University",
        OrganisationType = "University",
        Country = "CN",
        Email = email ?? $"guest{Interlocked.Increment(ref _counter)}-{Guid.NewGuid():N}@example.org",
        Language = "zh-Hans",
        ParticipationMode = "InPerson",
        Category = category,
        PassportNumber = passport,
    };

    public static async Task<GuestDetail> CreateGuestAsync(this SummitFactory app, GuestInput? input = null)
    {
        using var client = await app.ClientForAsync(Roles.Secretariat);
        var response = await client.PostAsJsonAsync("/api/v1/guests", input ?? NewGuestInput(), Json);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<GuestDetail>(Json))!;
    }

    /// <summary>Invites a guest and returns the token of the link the guest receives.</summary>
    public static async Task<string> InviteAsync(this SummitFactory app, Guid guestId)
    {
        using var client = await app.ClientForAsync(Roles.Secretariat);
        var response = await client.PostAsJsonAsync("/api/v1/guests/invitations", new GuestIdsRequest([guestId]), Json);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var result = (await response.Content.ReadFromJsonAsync<InvitationBatchResult>(Json))!;
        Assert.Single(result.Sent);
        return result.Sent[0].Link.Split("/portal/")[1];
    }

    public static MultipartFormDataContent RegistrationForm(byte[]? photo = null, string photoName = "me.jpg", bool dataConsent = true,
        bool faceConsent = true, Guid? member = null, string familyName = "王", string mode = "InPerson")
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(familyName), "familyName" },
            { new StringContent("小明"), "givenName" },
            { new StringContent("Wang"), "familyNameLatin" },
            { new StringContent("Xiaoming"), "givenNameLatin" },
            { new StringContent("Zhejiang University"), "organisation" },
            { new StringContent("University"), "organisationType" },
            { new StringContent("Professor"), "position" },
            { new StringContent("CN"), "country" },
            { new StringContent("zh-Hans"), "language" },
            { new StringContent(mode), "participationMode" },
            { new StringContent("E" + Random.Shared.Next(10_000_000, 99_999_999)), "passportNumber" },
            { new StringContent(dataConsent ? "true" : "false"), "dataConsent" },
            { new StringContent(faceConsent ? "true" : "false"), "faceConsent" },
        };
        if (member is not null)
        {
            form.Add(new StringContent(member.ToString()!), "member");
        }

        if (photo is not null)
        {
            var content = new ByteArrayContent(photo);
            content.Headers.ContentType = new MediaTypeHeaderValue(photoName.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : "image/jpeg");
            form.Add(content, "photo", photoName);
        }

        return form;
    }

    public static async Task<HttpResponseMessage> RegisterAsync(this SummitFactory app, string token, MultipartFormDataContent form)
    {
        using var client = app.CreateClient();
        return await client.PostAsync($"/api/v1/portal/{token}/registration", form);
    }

    public static async Task<PortalView> RegisterOkAsync(this SummitFactory app, string token, byte[]? photo = null)
    {
        var response = await app.RegisterAsync(token, RegistrationForm(photo ?? TestImages.Jpeg(400, 500)));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<PortalView>(Json))!;
    }

    /// <summary>Creates, invites and registers a guest, returning the guest in status Registered.</summary>
    public static async Task<Guid> RegisteredGuestAsync(this SummitFactory app)
    {
        var guest = await app.CreateGuestAsync();
        var token = await app.InviteAsync(guest.Id);
        await app.RegisterOkAsync(token);
        return guest.Id;
    }

    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(body).RootElement;
    }

    public static async Task AssertProblemAsync(this HttpResponseMessage response, int status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"Expected {status} {code}, got {(int)response.StatusCode}: {body}");
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
    }
}
