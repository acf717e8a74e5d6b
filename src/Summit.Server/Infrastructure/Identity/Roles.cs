namespace Summit.Server.Infrastructure.Identity;

/// <summary>The staff roles of Summit. A user may hold several.</summary>
public static class Roles
{
    public const string Admin = nameof(Admin);
    public const string Secretariat = nameof(Secretariat);
    public const string AccreditationOfficer = nameof(AccreditationOfficer);
    public const string GateOperator = nameof(GateOperator);
    public const string SecurityOfficer = nameof(SecurityOfficer);
    public const string OperationsCentre = nameof(OperationsCentre);
    public const string VenueManager = nameof(VenueManager);
    public const string ProgrammeManager = nameof(ProgrammeManager);
    public const string Reviewer = nameof(Reviewer);
    public const string Exhibitor = nameof(Exhibitor);
    public const string MediaOfficer = nameof(MediaOfficer);

    /// <summary>The data protection officer (GDPR art. 37) or personal information protection officer (PIPL art. 52).</summary>
    public const string DataProtectionOfficer = nameof(DataProtectionOfficer);

    public static readonly IReadOnlyList<string> All =
    [
        Admin, Secretariat, AccreditationOfficer, GateOperator, SecurityOfficer, OperationsCentre,
        VenueManager, ProgrammeManager, Reviewer, Exhibitor, MediaOfficer, DataProtectionOfficer,
    ];
}
