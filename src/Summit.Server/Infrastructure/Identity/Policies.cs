namespace Summit.Server.Infrastructure.Identity;

/// <summary>
/// What each role may do. Pages and endpoints name one of these policies, never a role, so the whole
/// permission matrix is this one table (and the authorization tests check every entry).
/// </summary>
public static class Policies
{
    public const string StaffSignedIn = nameof(StaffSignedIn);

    /// <summary>A staff member acting on their own account (who am I, two-factor set-up, sign-out): open before two-factor is set up.</summary>
    public const string OwnAccount = nameof(OwnAccount);
    public const string GuestsRead = nameof(GuestsRead);
    public const string GuestsWrite = nameof(GuestsWrite);
    public const string GuestsApprove = nameof(GuestsApprove);
    public const string GuestsImport = nameof(GuestsImport);
    public const string GuestsExport = nameof(GuestsExport);
    public const string GuestsInvite = nameof(GuestsInvite);
    public const string PhotosView = nameof(PhotosView);
    public const string EventManage = nameof(EventManage);
    public const string AuditRead = nameof(AuditRead);
    public const string UsersManage = nameof(UsersManage);
    public const string AccessManage = nameof(AccessManage);
    public const string CredentialsManage = nameof(CredentialsManage);
    public const string DevicesManage = nameof(DevicesManage);
    public const string KeysManage = nameof(KeysManage);
    public const string GateScan = nameof(GateScan);
    public const string AccessMonitor = nameof(AccessMonitor);
    public const string PersonsBlock = nameof(PersonsBlock);
    public const string SensorsManage = nameof(SensorsManage);
    public const string SensorSequenceReset = nameof(SensorSequenceReset);
    public const string ScreeningMonitor = nameof(ScreeningMonitor);
    public const string ScreeningHoldsDecide = nameof(ScreeningHoldsDecide);
    public const string OperationsView = nameof(OperationsView);
    public const string IncidentsRaise = nameof(IncidentsRaise);
    public const string IncidentsView = nameof(IncidentsView);
    public const string IncidentsAct = nameof(IncidentsAct);
    public const string IncidentsAssign = nameof(IncidentsAssign);
    public const string IncidentsHealthDetails = nameof(IncidentsHealthDetails);
    public const string ReportsRead = nameof(ReportsRead);
    public const string OperationsSettingsManage = nameof(OperationsSettingsManage);
    public const string PrivacyRequests = nameof(PrivacyRequests);
    public const string PrivacyPurge = nameof(PrivacyPurge);
    public const string RetentionManage = nameof(RetentionManage);
    public const string VenuesView = nameof(VenuesView);
    public const string VenuesManage = nameof(VenuesManage);
    public const string VenueBookingsRequest = nameof(VenueBookingsRequest);
    public const string ProgrammeView = nameof(ProgrammeView);
    public const string ProgrammeManage = nameof(ProgrammeManage);
    public const string FacesEnrol = nameof(FacesEnrol);
    public const string FacesGateSwitch = nameof(FacesGateSwitch);

    public static readonly IReadOnlyDictionary<string, string[]> RolesFor = new Dictionary<string, string[]>
    {
        [StaffSignedIn] = [.. Roles.All],
        [OwnAccount] = [.. Roles.All],
        // Security officers look people up to block them or to check them at secondary screening.
        [GuestsRead] = [Roles.Admin, Roles.Secretariat, Roles.AccreditationOfficer, Roles.SecurityOfficer],
        [GuestsWrite] = [Roles.Admin, Roles.Secretariat, Roles.AccreditationOfficer],
        [GuestsApprove] = [Roles.Admin, Roles.AccreditationOfficer],
        [GuestsImport] = [Roles.Admin, Roles.Secretariat],
        [GuestsExport] = [Roles.Admin, Roles.Secretariat, Roles.AccreditationOfficer],
        [GuestsInvite] = [Roles.Admin, Roles.Secretariat],
        // Photos are for the people who compare a face with a person: accreditation and the gates.
        [PhotosView] = [Roles.Admin, Roles.AccreditationOfficer, Roles.GateOperator, Roles.SecurityOfficer],
        [EventManage] = [Roles.Admin, Roles.Secretariat],
        [AuditRead] = [Roles.Admin],
        [UsersManage] = [Roles.Admin],
        // Zones, gates and which category opens what: the organizers and security.
        [AccessManage] = [Roles.Admin, Roles.Secretariat, Roles.SecurityOfficer],
        // Issuing, reissuing, revoking and printing credentials: accreditation.
        [CredentialsManage] = [Roles.Admin, Roles.AccreditationOfficer],
        [DevicesManage] = [Roles.Admin],
        [KeysManage] = [Roles.Admin],
        // Scanning at a staffed lane.
        [GateScan] = [Roles.Admin, Roles.GateOperator, Roles.SecurityOfficer],
        // Who is inside, scan history, entry conflicts.
        [AccessMonitor] = [Roles.Admin, Roles.Secretariat, Roles.SecurityOfficer, Roles.OperationsCentre],
        [PersonsBlock] = [Roles.Admin, Roles.SecurityOfficer],
        // Screening: the admin enrols and revokes sensors (they are devices); security officers decide holds at the lane;
        // the operations centre watches sensors, refusals and holds.
        [SensorsManage] = [Roles.Admin],
        // Starting a sensor's sequence over, when a repair or a bad reading left it refused as replayed: the officers at the lanes.
        [SensorSequenceReset] = [Roles.Admin, Roles.SecurityOfficer],
        [ScreeningMonitor] = [Roles.Admin, Roles.SecurityOfficer, Roles.OperationsCentre],
        [ScreeningHoldsDecide] = [Roles.SecurityOfficer],
        // The operations dashboard: counts and places, no one named. The centre, security, and the venue managers who open and
        // close halls; not the secretariat or the gates, who have their own pages.
        [OperationsView] = [Roles.Admin, Roles.OperationsCentre, Roles.SecurityOfficer, Roles.VenueManager],
        // Anyone on duty may report a problem; the incident teams see and work them (the service further limits a team
        // to the incidents assigned to it); the operations centre and admin give incidents to teams and people.
        [IncidentsRaise] = [.. Roles.All],
        [IncidentsView] = [Roles.Admin, Roles.OperationsCentre, Roles.SecurityOfficer, Roles.VenueManager],
        [IncidentsAct] = [Roles.Admin, Roles.OperationsCentre, Roles.SecurityOfficer, Roles.VenueManager],
        [IncidentsAssign] = [Roles.Admin, Roles.OperationsCentre],
        // The health details of an incident (temperatures, the person concerned, photos of them): the officers who handle health
        // at the gates (they already decide screening holds) and admin. The centre and the venue see that an incident exists.
        [IncidentsHealthDetails] = [Roles.Admin, Roles.SecurityOfficer],
        // The closing report and the records behind its figures: the operations centre and the organizers.
        [ReportsRead] = [Roles.Admin, Roles.Secretariat, Roles.OperationsCentre],
        // The fever threshold and the incident response times of the event: they change who is stopped and who is escalated.
        [OperationsSettingsManage] = [Roles.Admin],
        // A person's copy of their data and its erasure: everything about one person at once, so only the data protection
        // officer and the admin. The same for the purge and its dry run; the retention period itself is the organizer's decision.
        [PrivacyRequests] = [Roles.Admin, Roles.DataProtectionOfficer],
        [PrivacyPurge] = [Roles.Admin, Roles.DataProtectionOfficer],
        [RetentionManage] = [Roles.Admin],
        // Venues: the rooms, the stock and the bookings are the venue managers'; the staff who plan rooms for their people (the
        // secretariat for delegations, the programme for sessions, the media centre) request them; those who run the event see them.
        [VenuesView] = [Roles.Admin, Roles.Secretariat, Roles.SecurityOfficer, Roles.OperationsCentre, Roles.VenueManager, Roles.ProgrammeManager,
            Roles.MediaOfficer],
        [VenuesManage] = [Roles.Admin, Roles.VenueManager],
        [VenueBookingsRequest] = [Roles.Admin, Roles.Secretariat, Roles.VenueManager, Roles.ProgrammeManager, Roles.MediaOfficer],
        // The programme: the programme managers build it (forums, sessions, people, rooms for sessions, the rules' severities); those who
        // prepare rooms, guests and the press for it read it, with its warnings.
        [ProgrammeView] = [Roles.Admin, Roles.Secretariat, Roles.OperationsCentre, Roles.VenueManager, Roles.ProgrammeManager, Roles.MediaOfficer],
        [ProgrammeManage] = [Roles.Admin, Roles.ProgrammeManager],
        // Faces (issue 14): enrolling a consenting guest (from the portal photo or a desk photo) is accreditation's work, as photos
        // are; the template itself is shown to nobody. Switching a gate's face check off (a broken camera) is for the officers at
        // the lanes. The event's threshold and retention are OperationsSettingsManage, with the fever threshold.
        [FacesEnrol] = [Roles.Admin, Roles.AccreditationOfficer],
        [FacesGateSwitch] = [Roles.Admin, Roles.SecurityOfficer],
    };
}
