namespace Summit.Server.Programme;

/// <summary>The programme module's reason codes; each has an "error.{code}" text in both programme catalogs. A public contract: never renamed.</summary>
public static class ProgrammeErrors
{
    public const string ForumNotFound = "programme.forum_not_found";
    public const string ForumUnknown = "programme.forum_unknown";
    public const string ForumTitleTaken = "programme.forum_title_taken";
    public const string SessionNotFound = "programme.session_not_found";
    public const string PersonNotFound = "programme.person_not_found";

    /// <summary>An edit of a person whose data was erased: they stay in their sessions as "Speaker withdrawn", and nothing more is kept of them.</summary>
    public const string PersonWithdrawn = "programme.person_withdrawn";
    public const string PersonUnknown = "programme.person_unknown";
    public const string GuestUnknown = "programme.guest_unknown";
    public const string GuestListedAlready = "programme.guest_listed_already";
    public const string CountryUnknown = "programme.country_unknown";
    public const string EmailInvalid = "programme.email_invalid";
    public const string RoomUnknown = "programme.room_unknown";
    public const string LanguageInvalid = "programme.language_invalid";
    public const string LinkInvalid = "programme.link_invalid";

    /// <summary>A join link on an in-person session (only online and hybrid sessions have one).</summary>
    public const string JoinLinkInPerson = "programme.join_link_in_person";
    public const string PeriodInvalid = "programme.period_invalid";
    public const string PeriodTooLong = "programme.period_too_long";
    public const string ValueUnknown = "programme.value_unknown";
    public const string TooMany = "programme.too_many";
    public const string ParticipantDuplicate = "programme.participant_duplicate";
    public const string EditBlocked = "programme.edit_blocked";
    public const string RoomRefused = "programme.room_refused";
    public const string DayOutsideEvent = "programme.day_outside_event";
    public const string TravelPairInvalid = "programme.travel_pair_invalid";
    public const string ReleaseBlocked = "programme.release_blocked";
    public const string ReleaseUnchanged = "programme.release_unchanged";
    public const string ReleaseConcurrent = "programme.release_concurrent";
    public const string ReleaseNotFound = "programme.release_not_found";
    public const string NotReleased = "programme.not_released";
    public const string AgendaSessionUnknown = "programme.agenda_session_unknown";
    public const string AgendaFull = "programme.agenda_full";
    public const string AgendaClosed = "programme.agenda_closed";
    public const string FeedNotFound = "programme.feed_not_found";
    public const string SpeakerNotFound = "programme.speaker_not_found";
    public const string SessionUnknown = "programme.session_unknown";
    public const string ScheduleTooLarge = "programme.schedule_too_large";
    public const string ScheduleEmpty = "programme.schedule_empty";
    public const string ScheduleDuplicate = "programme.schedule_duplicate";
    public const string ScheduleStale = "programme.schedule_stale";
    public const string ScheduleBusy = "programme.schedule_busy";
    public const string SolverUnavailable = "programme.solver_unavailable";
    public const string EquipmentUnknown = "programme.equipment_unknown";
    public const string EquipmentDuplicate = "programme.equipment_duplicate";
    public const string RegistrationNotRequired = "programme.registration_not_required";
    public const string RegistrationsFull = "programme.registrations_full";
    public const string WaitingListFull = "programme.waiting_list_full";
    public const string RegistrationGuestUnknown = "programme.registration_guest_unknown";

    public static readonly IReadOnlyList<string> All =
    [
        ForumNotFound, ForumUnknown, ForumTitleTaken, SessionNotFound, PersonNotFound, PersonUnknown, GuestUnknown, GuestListedAlready, CountryUnknown,
        EmailInvalid, RoomUnknown, LanguageInvalid, LinkInvalid, PeriodInvalid, PeriodTooLong, ValueUnknown, TooMany, ParticipantDuplicate, EditBlocked,
        RoomRefused, DayOutsideEvent, TravelPairInvalid, ReleaseBlocked, ReleaseUnchanged, ReleaseConcurrent, ReleaseNotFound, NotReleased, SpeakerNotFound,
        SessionUnknown, ScheduleTooLarge, ScheduleEmpty, ScheduleDuplicate, ScheduleStale, ScheduleBusy, SolverUnavailable,
        EquipmentUnknown, EquipmentDuplicate, RegistrationNotRequired, RegistrationsFull, WaitingListFull, RegistrationGuestUnknown,
        JoinLinkInPerson, PersonWithdrawn,
    ];
}
