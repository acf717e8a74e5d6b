namespace Summit.Server.Infrastructure.Audit;

public static class AuditActions
{
    public const string GuestCreated = "guest.created";
    public const string GuestUpdated = "guest.updated";
    public const string GuestStatusChanged = "guest.status_changed";
    public const string GuestViewed = "guest.viewed";
    public const string GuestPhotoViewed = "guest.photo.viewed";
    public const string GuestPhotoUploaded = "guest.photo.uploaded";
    public const string GuestRegistered = "guest.registered";
    public const string GuestConsentWithdrawn = "guest.consent_withdrawn";

    /// <summary>A guest chose the time zone they read the programme in (the portal).</summary>
    public const string GuestTimeZoneChanged = "guest.time_zone_changed";

    /// <summary>An accreditation officer recorded the face consent a guest gave at the desk.</summary>
    public const string GuestFaceConsentRecorded = "guest.face_consent_recorded";
    public const string GuestsImported = "guests.imported";
    public const string GuestsExported = "guests.exported";
    public const string CategoryCreated = "category.created";
    public const string CategoryUpdated = "category.updated";
    public const string DelegationCreated = "delegation.created";
    public const string DelegationUpdated = "delegation.updated";
    public const string InvitationSent = "invitation.sent";
    public const string UserCreated = "user.created";
    public const string UserRolesChanged = "user.roles_changed";
    public const string UserLoggedIn = "user.logged_in";
    public const string UserTwoFactorEnabled = "user.two_factor_enabled";
    public const string UserUnlocked = "user.unlocked";
    public const string UserDisabled = "user.disabled";
    public const string UserEnabled = "user.enabled";
    public const string UserPasswordReset = "user.password_reset";
    public const string EventUpdated = "event.updated";
    public const string ZoneCreated = "zone.created";
    public const string ZoneUpdated = "zone.updated";
    public const string ZoneDeleted = "zone.deleted";
    public const string GateCreated = "gate.created";
    public const string GateUpdated = "gate.updated";
    public const string GateOpened = "gate.opened";
    public const string GateClosed = "gate.closed";
    public const string CategoryZonesChanged = "category.zones_changed";
    public const string PersonalGrantAdded = "guest.zone_added";
    public const string PersonalGrantRemoved = "guest.zone_removed";
    public const string PersonBlocked = "guest.blocked";
    public const string PersonUnblocked = "guest.unblocked";
    public const string SigningKeyRotated = "signing_key.rotated";
    public const string SigningKeyRetired = "signing_key.retired";
    public const string CredentialIssued = "credential.issued";
    public const string CredentialReissued = "credential.reissued";
    public const string CredentialRevoked = "credential.revoked";
    public const string BadgesPrinted = "badges.printed";
    public const string AccessSettingsChanged = "access.settings_changed";
    public const string DeviceEnrolled = "device.enrolled";
    public const string DeviceRevoked = "device.revoked";
    public const string ConflictResolved = "entry_conflict.resolved";
    public const string ReportExported = "report.exported";
    public const string ReportTraced = "report.traced";
}
