namespace Summit.Server.Guests.Domain;

public enum OrganisationType
{
    Government = 1,
    InternationalOrganization = 2,
    IndustryAssociation = 3,
    Company = 4,
    University = 5,
    ThinkTank = 6,
    ResearchInstitute = 7,
    Media = 8,
}
