using Summit.Access.Core;
using Summit.Server.Access.Domain;

namespace Summit.Server.Access.Scanning;

/// <summary>
/// Finds, for entries decided offline, an admitted entry of the same credential into the same zone with no exit between
/// the two: both gates let the person in, which anti-passback should have prevented. The processor reads the day's movements
/// once per batch (<see cref="ScanProcessor"/>); this only pairs them.
/// </summary>
internal sealed class EntryConflictCheck
{
    private readonly Dictionary<(Guid Credential, int Zone), List<Scan>>? _movements;

    /// <param name="movements">The day's admitted movements of the uploaded credentials; null when the batch holds no upload.</param>
    public EntryConflictCheck(IEnumerable<Scan>? movements)
    {
        _movements = movements?.GroupBy(s => (s.CredentialId!.Value, s.Zone)).ToDictionary(g => g.Key, g => g.ToList());
    }

    /// <summary>Adds a movement admitted in this batch, so later uploads in the same batch pair with it.</summary>
    public void Add(Scan scan)
    {
        if (_movements is null)
        {
            return;
        }

        var key = (scan.CredentialId!.Value, scan.Zone);
        if (!_movements.TryGetValue(key, out var list))
        {
            _movements[key] = list = [];
        }

        list.Add(scan);
    }

    public EntryConflict? Find(Scan entry, ZoneRule rule, DateTimeOffset dayStart)
    {
        if (rule.AntiPassback is not (AntiPassbackMode.Hard or AntiPassbackMode.Timed) || _movements is null
            || !_movements.TryGetValue((entry.CredentialId!.Value, entry.Zone), out var list))
        {
            return null;
        }

        var day = list.Where(s => s.ScannedAt >= dayStart && s.Id != entry.Id).OrderBy(s => s.ScannedAt).ToList();
        var previous = day.LastOrDefault(s => s.ScannedAt <= entry.ScannedAt);
        var next = day.FirstOrDefault(s => s.ScannedAt > entry.ScannedAt);
        var (first, second) = rule.AntiPassback == AntiPassbackMode.Hard
            ? (previous?.Direction == GateDirection.Entry ? (previous, entry) : next?.Direction == GateDirection.Entry ? (entry, next) : (null, null))
            : (Within(previous, entry, rule) ? (previous, entry) : Within(entry, next, rule) ? (entry, next) : (null, null));
        if (first is null || second is null)
        {
            return null;
        }

        first.Conflict = true;
        second.Conflict = true;
        return new EntryConflict
        {
            EventId = entry.EventId,
            CredentialId = entry.CredentialId!.Value,
            GuestId = entry.GuestId!.Value,
            Zone = entry.Zone,
            FirstScanId = first.Id,
            SecondScanId = second.Id,
            DetectedAt = entry.ReceivedAt,
        };
    }

    private static bool Within(Scan? earlier, Scan? later, ZoneRule rule) =>
        earlier is { Direction: GateDirection.Entry } && later is { Direction: GateDirection.Entry }
        && later.ScannedAt - earlier.ScannedAt < TimeSpan.FromMinutes(rule.ReentryMinutes);
}
