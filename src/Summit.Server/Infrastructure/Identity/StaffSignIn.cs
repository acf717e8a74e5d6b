using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Summit.Server.Infrastructure.Security;

namespace Summit.Server.Infrastructure.Identity;

/// <summary>
/// Signs a staff member in with a password and, when they have it, a two-factor code: the one path of the API login and the
/// browser form. An address that has no account gets the same answers, after the same password-hashing work, as one that has;
/// failures make their source wait (<see cref="SignInThrottle"/>); a successful sign-in marks the browser or client as a trusted
/// device of the account, so that a stranger's failures never keep the account's owner out.
/// </summary>
public sealed class StaffSignIn(SignInManager<SummitUser> signIn, UserManager<SummitUser> users, IPasswordHasher<SummitUser> hasher,
    SignInThrottle throttle, IHttpContextAccessor httpContextAccessor, IDataProtectionProvider dataProtection)
{
    public const string DeviceCookie = "summit.device";
    private const string DevicePurpose = "Summit.SignIn.TrustedDevice.v1";
    private const int MaxEmailLength = 256;

    /// <summary>A hash of a random password, checked when the address has no account so that both answers take as long.</summary>
    private static string? _absentAccountHash;

    /// <summary>Signs in with the given scheme (cookie or bearer; the bearer scheme writes the token response). Null when signed in.</summary>
    public async Task<SummitError?> SignInAsync(string scheme, string? email, string? password, string? code)
    {
        var context = httpContextAccessor.HttpContext ?? throw new InvalidOperationException("Sign-in needs an HTTP request.");
        var typed = (email ?? "").Trim();
        var account = AccountKey(typed);
        var source = SourceOf(context, account);
        if (throttle.WaitFor(account, source) is { } wait)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return SummitError.Of(ErrorCodes.LoginLockedOut, seconds) with { HttpStatus = StatusCodes.Status429TooManyRequests };
        }

        var user = typed.Length is > 0 and <= MaxEmailLength ? await users.FindByEmailAsync(typed) : null;
        if (user is null)
        {
            _absentAccountHash ??= hasher.HashPassword(new SummitUser(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)));
            hasher.VerifyHashedPassword(new SummitUser(), _absentAccountHash, password ?? "");
        }

        if (user is null || !await users.CheckPasswordAsync(user, password ?? ""))
        {
            throttle.RecordFailure(account, source);
            return SummitError.Of(ErrorCodes.LoginFailed) with { HttpStatus = StatusCodes.Status401Unauthorized };
        }

        // Said only to whoever knows the password.
        if (StaffAccounts.IsDisabled(user))
        {
            return SummitError.Of(ErrorCodes.LoginAccountDisabled) with { HttpStatus = StatusCodes.Status403Forbidden };
        }

        if (user.TwoFactorEnabled)
        {
            var digits = new string((code ?? "").Where(char.IsDigit).ToArray());
            if (digits.Length == 0)
            {
                return SummitError.Of(ErrorCodes.LoginTwoFactorRequired) with { HttpStatus = StatusCodes.Status401Unauthorized };
            }

            if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits))
            {
                throttle.RecordFailure(account, source);
                return SummitError.Of(ErrorCodes.LoginTwoFactorInvalid) with { HttpStatus = StatusCodes.Status401Unauthorized };
            }
        }

        throttle.RecordSuccess(account, source);
        // Before the sign-in: the bearer scheme writes the response body.
        context.Response.Cookies.Append(DeviceCookie, Protector().Protect(account + "\n" + Guid.NewGuid().ToString("N")), new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(180),
        });
        signIn.AuthenticationScheme = scheme;
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", user.TwoFactorEnabled ? "mfa" : "pwd")]);
        return null;
    }

    /// <summary>The key failures are counted under: the typed address, normalized the way Identity looks it up.</summary>
    public string AccountKey(string email) =>
        users.NormalizeEmail(email.Length > MaxEmailLength ? email[..MaxEmailLength] : email) ?? "";

    private SignInSource SourceOf(HttpContext context, string account)
    {
        if (context.Request.Cookies.TryGetValue(DeviceCookie, out var cookie))
        {
            try
            {
                var parts = Protector().Unprotect(cookie).Split('\n');
                if (parts.Length == 2 && parts[0] == account)
                {
                    return new SignInSource("device:" + parts[1], TrustedDevice: true);
                }
            }
            catch (CryptographicException)
            {
                // Not a cookie of ours (or of an older key ring): the request counts by its address.
            }
        }

        return new SignInSource("address:" + SourceAddress.Of(context), TrustedDevice: false);
    }

    private IDataProtector Protector() => dataProtection.CreateProtector(DevicePurpose);
}
