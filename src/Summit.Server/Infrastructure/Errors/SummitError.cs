using System.Globalization;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server;

/// <summary>A refusal a user can meet: a stable reason code plus the values its message needs.</summary>
public sealed record SummitError(string Code, IReadOnlyList<object> Args, int HttpStatus = StatusCodes.Status422UnprocessableEntity)
{
    public static SummitError Of(string code, params object[] args) => new(code, args);

    public static SummitError NotFound(string code, params object[] args) => new(code, args, StatusCodes.Status404NotFound);

    public static SummitError Conflict(string code, params object[] args) => new(code, args, StatusCodes.Status409Conflict);

    public string Message(Localizer localizer) => localizer.Format("error." + Code, Args);

    public string Message(Localizer localizer, CultureInfo culture) => localizer.Format(culture, "error." + Code, Args);
}

/// <summary>Thrown by services to abort a use case with a reason; mapped to a problem response or a UI message.</summary>
public sealed class SummitException(SummitError error, object? details = null) : Exception(error.Code)
{
    public SummitError Error { get; } = error;

    /// <summary>Extra structured detail for the caller, for example the field problems of a form.</summary>
    public object? Details { get; } = details;
}

/// <summary>Every reason code Summit can return. Each has an "error.{code}" text in every language catalog.</summary>
public static partial class ErrorCodes
{
    public const string StatusUnchanged = "status.unchanged";
    public const string StatusTransitionIllegal = "status.transition_illegal";
    public const string RejectionReasonRequired = "status.rejection_reason_required";
    public const string GuestMessageNotAllowed = "status.guest_message_not_allowed";
    public const string GuestMessageTooLong = "status.guest_message_too_long";
    public const string ConcurrentChange = "concurrent_change";
    public const string GuestNotFound = "guest.not_found";
    public const string GuestEmailDuplicate = "guest.email_duplicate";
    public const string GuestPassportDuplicate = "guest.passport_duplicate";
    public const string FieldRequired = "field.required";
    public const string FieldTooLong = "field.too_long";
    public const string EmailInvalid = "email.invalid";
    public const string CountryUnknown = "country.unknown";
    public const string CategoryUnknown = "category.unknown";
    public const string DelegationUnknown = "delegation.unknown";
    public const string OrganisationTypeUnknown = "organisation_type.unknown";
    public const string ParticipationModeUnknown = "participation_mode.unknown";
    public const string LanguageUnknown = "language.unknown";
    public const string GenderUnknown = "gender.unknown";
    public const string InvitationNotFound = "invitation.not_found";
    public const string InvitationExpired = "invitation.expired";
    public const string InvitationUsed = "invitation.used";
    public const string InvitationRevoked = "invitation.revoked";
    public const string InvitationNotAllowed = "invitation.not_allowed";
    public const string ConsentRequired = "consent.required";
    public const string PhotoRequired = "photo.required";
    public const string PhotoTooLarge = "photo.too_large";
    public const string PhotoType = "photo.type";
    public const string PhotoCorrupt = "photo.corrupt";
    public const string PhotoPixels = "photo.pixels";
    public const string PhotoTooSmall = "photo.too_small";
    public const string ImportEmpty = "import.empty";
    public const string ImportFormat = "import.format";
    public const string ImportTooLarge = "import.too_large";
    public const string ImportFileTooLarge = "import.file_too_large";
    public const string ImportUnpackedTooLarge = "import.unpacked_too_large";
    public const string ImportTooManyColumns = "import.too_many_columns";
    public const string ImportTooManyCells = "import.too_many_cells";
    public const string ImportCellTooLong = "import.cell_too_long";
    public const string ImportTextTooLarge = "import.text_too_large";
    public const string ImportMissingColumns = "import.missing_columns";
    public const string ImportUnknownColumns = "import.unknown_columns";
    public const string ImportHasProblems = "import.has_problems";
    public const string ImportDuplicateInFile = "import.duplicate_in_file";
    public const string DelegationNotYours = "delegation.not_yours";
    public const string LoginFailed = "login.failed";
    public const string LoginLockedOut = "login.locked_out";
    public const string LoginTwoFactorRequired = "login.two_factor_required";
    public const string LoginTwoFactorInvalid = "login.two_factor_invalid";
    public const string UserPasswordRejected = "user.password_rejected";
    public const string UserRoleUnknown = "user.role_unknown";
    public const string UserEmailTaken = "user.email_taken";
    public const string EventDatesInvalid = "event.dates_invalid";
    public const string TimeZoneUnknown = "event.time_zone_unknown";
    public const string RequestInvalid = "request.invalid";
    public const string RequestJsonInvalid = "request.json_invalid";
    public const string RequestUnreadable = "request.unreadable";
    public const string RequestTooLarge = "request.too_large";
    public const string RequestUnsupportedMediaType = "request.unsupported_media_type";
    public const string RequestNotFound = "request.not_found";
    public const string RequestMethodNotAllowed = "request.method_not_allowed";
    public const string RequestFailed = "request.failed";
    public const string CategoryNotFound = "category.not_found";
    public const string CategoryCodeDuplicate = "category.code_duplicate";
    public const string CategoryCodeInvalid = "category.code_invalid";
    public const string ColourInvalid = "category.colour_invalid";
    public const string DelegationNotFound = "delegation.not_found";
    public const string DelegationNameDuplicate = "delegation.name_duplicate";
    public const string LiaisonNotMember = "delegation.liaison_not_member";
    public const string UserNotFound = "user.not_found";
    public const string UserLastAdmin = "user.last_admin";
    public const string NumberOutOfRange = "number.out_of_range";
    public const string AccessCodeInvalid = "access.code_invalid";
    public const string DayRangeInvalid = "access.day_range_invalid";
    public const string ZoneNotFound = "zone.not_found";
    public const string ZoneUnknown = "zone.unknown";
    public const string ZoneCodeDuplicate = "zone.code_duplicate";
    public const string ZoneNumberTaken = "zone.number_taken";
    public const string ZoneNumberFixed = "zone.number_fixed";
    public const string ZoneLimitReached = "zone.limit_reached";
    public const string ZoneHasGates = "zone.has_gates";
    public const string GateNotFound = "gate.not_found";
    public const string GateUnknown = "gate.unknown";
    public const string GateCodeDuplicate = "gate.code_duplicate";
    public const string PersonalGrantNotFound = "personal_grant.not_found";
    public const string SigningKeyNotFound = "signing_key.not_found";
    public const string SigningKeyActive = "signing_key.active";
    public const string CredentialAlreadyIssued = "credential.already_issued";
    public const string CredentialNone = "credential.none";
    public const string CredentialGuestNotApproved = "credential.guest_not_approved";
    public const string CredentialGuestOnline = "credential.guest_online";
    public const string CredentialSelectionEmpty = "credential.selection_empty";
    public const string BadgeSelectionEmpty = "badge.selection_empty";
    public const string BadgeNoneInSelection = "badge.none_in_selection";
    public const string DeviceNotFound = "device.not_found";
    public const string DeviceGateUnknown = "device.gate_unknown";
    public const string ScanDirectionNotAllowed = "scan.direction_not_allowed";
    public const string ScanNonceRequired = "scan.nonce_required";
    public const string ScanRecordInvalid = "scan.record_invalid";
    public const string ScanTimeImplausible = "scan.time_implausible";
    public const string UploadTooLarge = "scan.upload_too_large";
    public const string ConflictNotFound = "conflict.not_found";
    public const string ResolutionRequired = "conflict.resolution_required";
    public const string ReportTraceInvalid = "report.trace_invalid";
    public const string ReportAsOfInvalid = "report.as_of_invalid";
}
