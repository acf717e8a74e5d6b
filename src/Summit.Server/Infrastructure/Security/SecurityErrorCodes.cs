namespace Summit.Server;

/// <summary>Reason codes of sign-in, sessions, passwords, rate limits and request checks (texts in security.*.json).</summary>
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
    public const string RequestMalformed = "request.malformed";
    public const string RequestTooLarge = "request.too_large";
    public const string RequestMediaType = "request.media_type";
    public const string RequestRefused = "request.refused";
    public const string ApiNotFound = "api.not_found";
    public const string ApiMethodNotAllowed = "api.method_not_allowed";
}
