namespace Summit.Tests.Privacy;

/// <summary>One guest of a privacy scenario: the names and numbers that must leave the database when they are erased.</summary>
public sealed record Person(Guid Id, string FamilyNameLatin, string GivenNameLatin, string FamilyName, string GivenName, string Email, string Passport, string? Code)
{
    /// <summary>Everything that identifies the person and may not stay anywhere after an erasure.</summary>
    public IEnumerable<string> Traces => [Id.ToString(), Id.ToString("N"), Email, FamilyNameLatin, FamilyName + GivenName, Passport];
}
