namespace Summit.Server;

/// <summary>Reason codes of sign-in, sessions, passwords, rate limits and authorization (texts in security.*.json).</summary>
public static partial class ErrorCodes
{
    public const string RateLimited = "rate_limited";
    public const string LoginAccountDisabled = "login.account_disabled";
    public const string TwoFactorSetupRequired = "two_factor.setup_required";
    public const string AuthRequired = "auth.required";
    public const string AuthForbidden = "auth.forbidden";
    public const string SessionEnded = "auth.session_ended";
    public const string CookieNotAccepted = "auth.cookie_not_accepted";
    public const string AntiforgeryInvalid = "antiforgery.invalid";
    public const string PasswordTooShort = "password.too_short";
    public const string PasswordRequiresDigit = "password.requires_digit";
    public const string PasswordRequiresLower = "password.requires_lower";
    public const string PasswordRequiresUpper = "password.requires_upper";
    public const string PasswordRequiresUniqueChars = "password.requires_unique_chars";
    public const string PasswordCommon = "password.common";
    public const string UserInvalid = "user.invalid";
    public const string ServerError = "server.error";
}
