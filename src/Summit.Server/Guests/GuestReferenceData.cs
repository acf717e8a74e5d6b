using Summit.Server.Guests.Domain;

namespace Summit.Server.Guests;

/// <summary>The lookups a validation needs, loaded once for a whole import or form.</summary>
public sealed record GuestReferenceData(
    IReadOnlyDictionary<string, AccreditationCategory> CategoriesByCode,
    IReadOnlyDictionary<string, Delegation> DelegationsByName);
