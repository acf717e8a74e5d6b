namespace Summit.Server;

/// <summary>
/// The reason codes shared by several modules or owned by the platform (requests, fields, photos, sign-in, accounts). A module
/// keeps its own in <c>&lt;Module&gt;Errors</c> (GuestErrors, AccessErrors, EventErrors...). Each has an "error.{code}" text
/// in every language catalog.
/// </summary>
public static partial class ErrorCodes
{
    public const string ConcurrentChange = "concurrent_change";
    public const string FieldRequired = "field.required";
    public const string FieldTooLong = "field.too_long";
    public const string PhotoTooLarge = "photo.too_large";
    public const string PhotoType = "photo.type";
    public const string PhotoCorrupt = "photo.corrupt";
    public const string PhotoPixels = "photo.pixels";
    public const string PhotoTooSmall = "photo.too_small";
    public const string LoginFailed = "login.failed";
    public const string LoginLockedOut = "login.locked_out";
    public const string LoginTwoFactorRequired = "login.two_factor_required";
    public const string LoginTwoFactorInvalid = "login.two_factor_invalid";
    public const string UserPasswordRejected = "user.password_rejected";
    public const string UserRoleUnknown = "user.role_unknown";
    public const string UserEmailTaken = "user.email_taken";
    public const string RequestInvalid = "request.invalid";
    public const string RequestJsonInvalid = "request.json_invalid";
    public const string RequestUnreadable = "request.unreadable";
    public const string RequestTooLarge = "request.too_large";
    public const string RequestUnsupportedMediaType = "request.unsupported_media_type";
    public const string RequestNotFound = "request.not_found";
    public const string RequestMethodNotAllowed = "request.method_not_allowed";
    public const string RequestFailed = "request.failed";
    public const string UserNotFound = "user.not_found";
    public const string UserLastAdmin = "user.last_admin";
    public const string NumberOutOfRange = "number.out_of_range";
    public const string ZoneUnknown = "zone.unknown";
    public const string GateUnknown = "gate.unknown";
    public const string CredentialNone = "credential.none";
}
