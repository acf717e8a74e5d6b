using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server;
using Summit.Server.Infrastructure.Identity;

namespace Summit.Tests.Infrastructure;

public class TwoFactorTests(TwoFactorSummitFactory app) : IClassFixture<TwoFactorSummitFactory>
{
    [Fact]
    public async Task An_admin_without_two_factor_is_sent_to_set_it_up()
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        await (await admin.GetAsync("/api/v1/guests")).AssertProblemAsync(403, "two_factor.setup_required");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/auth/me")).StatusCode);

        // Only administrators are held back.
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        Assert.Equal(HttpStatusCode.OK, (await secretariat.GetAsync("/api/v1/guests")).StatusCode);

        using var browser = await app.BrowserForAsync(Roles.Admin);
        var home = await browser.GetAsync("/");
        Assert.Equal((HttpStatusCode.Redirect, "/account/two-factor"), (home.StatusCode, home.Headers.Location?.OriginalString));
    }

    [Fact]
    public async Task An_admin_turns_on_two_factor_and_then_signs_in_with_a_code()
    {
        var email = await NewAccountAsync(Roles.Admin);
        using var admin = BearerClient(await TokenAsync(email, null));

        var setupResponse = await admin.PostAsync("/api/v1/auth/two-factor/setup", null);
        var setup = (await setupResponse.Content.ReadFromJsonAsync<TwoFactorSetup>(Intents.Json))!;
        Assert.Matches("^[A-Z2-7]{32}$", setup.SharedKey);
        Assert.StartsWith("otpauth://totp/Summit:", setup.AuthenticatorUri, StringComparison.Ordinal);
        Assert.Contains("secret=" + setup.SharedKey, setup.AuthenticatorUri, StringComparison.Ordinal);

        var code = Totp(setup.SharedKey);
        var wrong = ((int.Parse(code, CultureInfo.InvariantCulture) + 500_000) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        await (await admin.PostAsJsonAsync("/api/v1/auth/two-factor/enable", new TwoFactorEnableRequest(wrong))).AssertProblemAsync(422, ErrorCodes.LoginTwoFactorInvalid);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync("/api/v1/auth/two-factor/enable", new TwoFactorEnableRequest(code))).StatusCode);

        await (await LoginAsync(email, SummitFactory.Password, null)).AssertProblemAsync(401, ErrorCodes.LoginTwoFactorRequired);
        await (await LoginAsync(email, SummitFactory.Password, wrong)).AssertProblemAsync(401, ErrorCodes.LoginTwoFactorInvalid);

        using var signedIn = BearerClient(await TokenAsync(email, Totp(setup.SharedKey)));
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/api/v1/guests")).StatusCode);
        var me = await signedIn.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
        Assert.True(me.GetProperty("twoFactor").GetBoolean());
    }

    [Fact]
    public async Task Five_wrong_passwords_make_their_source_wait()
    {
        var email = await NewAccountAsync(Roles.Secretariat);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await (await LoginAsync(email, "Wrong-Password-" + attempt, null)).AssertProblemAsync(401, ErrorCodes.LoginFailed);
        }

        // Now even the right password is refused from here until the wait ends (other sources: SignInAbuseTests).
        await (await LoginAsync(email, SummitFactory.Password, null)).AssertProblemAsync(429, ErrorCodes.LoginLockedOut);
        using var browser = await app.BrowserForAsync(null);
        var form = await BrowserSession.SubmitLoginAsync(browser, email, SummitFactory.Password);
        Assert.Equal("/login", form.Headers.Location?.OriginalString.Split('?')[0]);
        Assert.Contains("error=" + ErrorCodes.LoginLockedOut, form.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>
    /// The current RFC 6238 code (HMAC-SHA1, 30-second steps, 6 digits) for a base32 key. ASP.NET Core Identity's
    /// authenticator provider reads the system clock rather than TimeProvider, so the code is for real time, not the fake clock.
    /// </summary>
    private static string Totp(string base32Key)
    {
        var counter = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() / 30;
        Span<byte> message = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(message, counter);
        var hash = HMACSHA1.HashData(Base32Decode(base32Key), message);
        var offset = hash[^1] & 0x0F;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7FFFFFFF) % 1_000_000;
        return value.ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 4648 base32, as authenticator keys are written.</summary>
    private static byte[] Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant().Where(c => c is not ('=' or ' ')))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                output.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. output];
    }

    private async Task<string> NewAccountAsync(string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.summit";
        await app.InScopeAsync(sp => sp.GetRequiredService<StaffAccounts>().CreateAsync(email, role, SummitFactory.Password, [role]));
        return email;
    }

    private async Task<HttpResponseMessage> LoginAsync(string email, string password, string? code)
    {
        using var anonymous = app.CreateClient();
        return await anonymous.PostAsJsonAsync("/api/v1/auth/login", new LoginRequest(email, password, code));
    }

    private async Task<string> TokenAsync(string email, string? code)
    {
        var response = await LoginAsync(email, SummitFactory.Password, code);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private HttpClient BearerClient(string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
