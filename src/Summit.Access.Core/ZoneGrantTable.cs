using System.Collections.Frozen;

namespace Summit.Access.Core;

/// <summary>
/// Granted = (category zones of the day ∪ the credential's own extra zones ∪ personal additions of the day)
/// minus personal removals of the day. Immutable; build a new one on every sync.
/// </summary>
public sealed class ZoneGrantTable : IZoneGrants
{
    private readonly FrozenDictionary<ushort, CategoryGrant[]> _byCategory;
    private readonly FrozenDictionary<Guid, PersonalGrant[]> _byCredential;

    public ZoneGrantTable(IEnumerable<CategoryGrant> categoryGrants, IEnumerable<PersonalGrant> personalGrants)
    {
        _byCategory = categoryGrants.GroupBy(g => g.Category).ToFrozenDictionary(g => g.Key, g => g.ToArray());
        _byCredential = personalGrants.GroupBy(g => g.CredentialId).ToFrozenDictionary(g => g.Key, g => g.ToArray());
    }

    public bool IsGranted(in CredentialPayload credential, int zone, DateOnly day)
    {
        var zones = credential.ExtraZones;
        if (_byCategory.TryGetValue(credential.Category, out var categoryGrants))
        {
            foreach (var grant in categoryGrants)
            {
                if (grant.Days.Contains(day))
                {
                    zones = zones.Union(grant.Zones);
                }
            }
        }
        if (_byCredential.TryGetValue(credential.CredentialId, out var personal))
        {
            // Additions first, then removals, whatever the order they were given in.
            foreach (var grant in personal)
            {
                if (grant.Change == GrantChange.Add && grant.Days.Contains(day))
                {
                    zones = zones.Union(grant.Zones);
                }
            }
            foreach (var grant in personal)
            {
                if (grant.Change == GrantChange.Remove && grant.Days.Contains(day))
                {
                    zones = zones.Except(grant.Zones);
                }
            }
        }
        return zones.Contains(zone);
    }
}
