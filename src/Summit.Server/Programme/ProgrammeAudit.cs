namespace Summit.Server.Programme;

/// <summary>Audit actions of the programme module: every change to forums, sessions, people and settings.</summary>
public static class ProgrammeAudit
{
    public const string ForumCreated = "programme.forum_created";
    public const string ForumUpdated = "programme.forum_updated";
    public const string SessionCreated = "programme.session_created";
    public const string SessionUpdated = "programme.session_updated";
    public const string SessionPlaced = "programme.session_placed";
    public const string SessionUnplaced = "programme.session_unplaced";
    public const string SessionItemsChanged = "programme.session_items_changed";
    public const string SessionPeopleChanged = "programme.session_people_changed";
    public const string SessionEquipmentChanged = "programme.session_equipment_changed";
    public const string RegistrationAdded = "programme.registration_added";
    public const string RegistrationCancelled = "programme.registration_cancelled";
    public const string RegistrationPromoted = "programme.registration_promoted";
    public const string RegistrationsRead = "programme.registrations_read";
    public const string PersonCreated = "programme.person_created";
    public const string PersonUpdated = "programme.person_updated";

    /// <summary>Staff opened a remote speaker's record with their address (a personal-data read).</summary>
    public const string PersonViewed = "programme.person_viewed";
    public const string AvailabilityChanged = "programme.availability_changed";
    public const string SettingsUpdated = "programme.settings_updated";
    public const string Released = "programme.released";
    public const string AgendaSessionAdded = "programme.agenda_session_added";
    public const string AgendaSessionRemoved = "programme.agenda_session_removed";
    public const string AgendaFeedCreated = "programme.agenda_feed_created";
    public const string AgendaFeedRenewed = "programme.agenda_feed_renewed";
    public const string AgendaFeedRevoked = "programme.agenda_feed_revoked";
}
