namespace Summit.Access.Core;

/// <summary>
/// What the caller knows about a credential's movements, per zone (the server from its database, the gate
/// agent from what it has seen and synced). The decision only reads; the caller records admitted scans.
/// </summary>
public interface IPresenceState
{
    /// <summary>True when the last recorded movement into/out of the zone was an entry.</summary>
    bool IsInside(Guid credentialId, int zone);

    /// <summary>Time of the last admitted entry into the zone, if any.</summary>
    DateTimeOffset? LastEntry(Guid credentialId, int zone);

    /// <summary>Admitted entries into the zone at or after <paramref name="since"/> (the start of the access day).</summary>
    int EntriesSince(Guid credentialId, int zone, DateTimeOffset since);

    /// <summary>
    /// People inside the zone who entered at or after <paramref name="since"/> (the start of the access day): what a hard capacity
    /// is checked against. As exact as what the caller knows: the server counts live, a gate agent from its last sync and its own scans.
    /// </summary>
    int PeopleInside(int zone, DateTimeOffset since);
}
