using Summit.Server.Guests.Contracts;
using Summit.Server.Guests.Domain;

namespace Summit.Server.Guests;

/// <summary>A validated input, with every value resolved to what Summit stores.</summary>
public sealed record ValidGuest(
    string FamilyName, string GivenName, string FamilyNameLatin, string GivenNameLatin, string? Title, Gender? Gender,
    string Organisation, OrganisationType OrganisationType, string? Position, string CountryCode, Delegation? Delegation,
    string Email, string? Phone, string Language, ParticipationMode ParticipationMode, AccreditationCategory Category,
    string? PassportNumber)
{
    public void ApplyTo(Guest guest)
    {
        guest.FamilyName = FamilyName;
        guest.GivenName = GivenName;
        guest.FamilyNameLatin = FamilyNameLatin;
        guest.GivenNameLatin = GivenNameLatin;
        guest.Title = Title;
        guest.Gender = Gender;
        guest.Organisation = Organisation;
        guest.OrganisationType = OrganisationType;
        guest.Position = Position;
        guest.CountryCode = CountryCode;
        guest.DelegationId = Delegation?.Id;
        guest.Email = Email;
        guest.Phone = Phone;
        guest.Language = Language;
        guest.ParticipationMode = ParticipationMode;
        guest.CategoryId = Category.Id;
        guest.RefreshDerivedFields();
    }
}
