namespace Summit.Server.Guests;

/// <summary>The editable fields of a guest, as typed in a form, sent to the API or read from an import row.</summary>
public sealed class GuestInput
{
    public string FamilyName { get; set; } = "";
    public string GivenName { get; set; } = "";
    public string? FamilyNameLatin { get; set; }
    public string? GivenNameLatin { get; set; }
    public string? Title { get; set; }
    public string? Gender { get; set; }
    public string Organisation { get; set; } = "";
    public string OrganisationType { get; set; } = "";
    public string? Position { get; set; }
    public string Country { get; set; } = "";
    public string? Delegation { get; set; }
    public string Email { get; set; } = "";
    public string? Phone { get; set; }
    public string? Language { get; set; }
    public string ParticipationMode { get; set; } = nameof(Contracts.ParticipationMode.InPerson);
    public string Category { get; set; } = "";

    /// <summary>Passport or ID number; null leaves a stored number unchanged, empty removes it.</summary>
    public string? PassportNumber { get; set; }
}
