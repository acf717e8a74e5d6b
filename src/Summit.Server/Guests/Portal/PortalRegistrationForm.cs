namespace Summit.Server.Guests.Portal;

public sealed class PortalRegistrationForm
{
    public Guid? Member { get; set; }
    public string? FamilyName { get; set; }
    public string? GivenName { get; set; }
    public string? FamilyNameLatin { get; set; }
    public string? GivenNameLatin { get; set; }
    public string? Title { get; set; }
    public string? Gender { get; set; }
    public string? Organisation { get; set; }
    public string? OrganisationType { get; set; }
    public string? Position { get; set; }
    public string? Country { get; set; }
    public string? Phone { get; set; }
    public string? Language { get; set; }
    public string? ParticipationMode { get; set; }
    public string? PassportNumber { get; set; }
    public bool DataConsent { get; set; }
    public bool FaceConsent { get; set; }
    public IFormFile? Photo { get; set; }
}
