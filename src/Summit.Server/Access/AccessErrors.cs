namespace Summit.Server.Access;

/// <summary>
/// The reason codes of the access module: zones, gates, personal grants, signing keys, credentials, badges, devices, uploaded
/// scans and entry conflicts ("error.{code}" in the catalogs). Codes are part of the API and never change.
/// </summary>
public static class AccessErrors
{
    public const string AccessCodeInvalid = "access.code_invalid";
    public const string DayRangeInvalid = "access.day_range_invalid";
    public const string ZoneNotFound = "zone.not_found";
    public const string ZoneCodeDuplicate = "zone.code_duplicate";
    public const string ZoneNumberTaken = "zone.number_taken";
    public const string ZoneNumberFixed = "zone.number_fixed";
    public const string ZoneLimitReached = "zone.limit_reached";
    public const string ZoneHasGates = "zone.has_gates";
    public const string GateNotFound = "gate.not_found";
    public const string GateCodeDuplicate = "gate.code_duplicate";
    public const string PersonalGrantNotFound = "personal_grant.not_found";
    public const string SigningKeyNotFound = "signing_key.not_found";
    public const string SigningKeyActive = "signing_key.active";
    public const string CredentialAlreadyIssued = "credential.already_issued";
    public const string CredentialGuestNotApproved = "credential.guest_not_approved";
    public const string CredentialGuestOnline = "credential.guest_online";
    public const string CredentialSelectionEmpty = "credential.selection_empty";
    public const string BadgeSelectionEmpty = "badge.selection_empty";
    public const string BadgeNoneInSelection = "badge.none_in_selection";
    public const string DeviceNotFound = "device.not_found";
    public const string DeviceGateUnknown = "device.gate_unknown";
    public const string ScanDirectionNotAllowed = "scan.direction_not_allowed";
    public const string ScanNonceRequired = "scan.nonce_required";
    public const string ScanFrameTooLarge = "scan.frame_too_large";
    public const string ScanFrameInvalid = "scan.frame_invalid";
    public const string ScanFramesTooMany = "scan.frames_too_many";
    public const string ScanFramesTooLarge = "scan.frames_too_large";
    public const string ScanRecordInvalid = "scan.record_invalid";
    public const string ScanTimeImplausible = "scan.time_implausible";
    public const string UploadTooLarge = "scan.upload_too_large";
    public const string ConflictNotFound = "conflict.not_found";
    public const string ResolutionRequired = "conflict.resolution_required";
}
