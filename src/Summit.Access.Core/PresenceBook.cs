using Summit.Access.Core.Sync;

namespace Summit.Access.Core;

/// <summary>
/// An in-memory <see cref="IPresenceState"/>: what the gate agent has seen and synced, or what the server has loaded for a
/// batch of scans. Not thread-safe: the owner serializes decisions (one decision and its record at a time).
/// </summary>
public sealed class PresenceBook : IPresenceState
{
    private readonly Dictionary<(Guid Credential, int Zone), ZoneMovements> _movements = [];

    // People inside a zone whose movements this book does not hold (the server loads only a batch's credentials).
    private readonly Dictionary<int, int> _insideElsewhere = [];

    public int Count => _movements.Count;

    public bool TryGet(Guid credentialId, int zone, out ZoneMovements movements) => _movements.TryGetValue((credentialId, zone), out movements);

    public void Set(Guid credentialId, int zone, ZoneMovements movements) => _movements[(credentialId, zone)] = movements;

    /// <summary>Records an admitted movement.</summary>
    public ZoneMovements Record(Guid credentialId, int zone, GateDirection direction, DateTimeOffset at, DateTimeOffset accessDayStart)
    {
        _movements.TryGetValue((credentialId, zone), out var current);
        var next = current.After(direction, at, accessDayStart);
        _movements[(credentialId, zone)] = next;
        return next;
    }

    /// <summary>Replaces what is known of a zone by the server's view (a sync).</summary>
    public void Load(int zone, IEnumerable<PresenceEntry> entries)
    {
        foreach (var key in _movements.Keys.Where(k => k.Zone == zone).ToList())
        {
            _movements.Remove(key);
        }

        foreach (var entry in entries)
        {
            _movements[(entry.CredentialId, zone)] = new ZoneMovements(entry.Inside, entry.LastEntryAt, entry.LastExitAt, entry.DayStart, entry.EntriesInDay);
        }
    }

    /// <summary>
    /// Tells the book how many people are inside a zone besides the credentials it holds, for <see cref="PeopleInside"/>: the
    /// server counts them in the database for a batch; a gate agent, whose book holds its whole zone, never needs to.
    /// </summary>
    public void SetInsideElsewhere(int zone, int people) => _insideElsewhere[zone] = people;

    public IEnumerable<(Guid CredentialId, int Zone, ZoneMovements Movements)> All() =>
        _movements.Select(m => (m.Key.Credential, m.Key.Zone, m.Value));

    public bool IsInside(Guid credentialId, int zone) => _movements.TryGetValue((credentialId, zone), out var m) && m.Inside;

    public DateTimeOffset? LastEntry(Guid credentialId, int zone) =>
        _movements.TryGetValue((credentialId, zone), out var m) ? m.LastEntryAt : null;

    public int EntriesSince(Guid credentialId, int zone, DateTimeOffset since) =>
        _movements.TryGetValue((credentialId, zone), out var m) ? m.EntriesSince(since) : 0;

    /// <summary>The people counted elsewhere plus the credentials of this book inside the zone since the access day began.</summary>
    public int PeopleInside(int zone, DateTimeOffset since)
    {
        var inside = _insideElsewhere.GetValueOrDefault(zone);
        foreach (var ((_, movementZone), movements) in _movements)
        {
            if (movementZone == zone && movements.Inside && movements.DayStart >= since)
            {
                inside++;
            }
        }
        return inside;
    }
}
