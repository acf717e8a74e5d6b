namespace Summit.Access.Core;

/// <summary>The closures of every zone, indexed by zone number: a zone is closed at an instant when one of its periods holds it.</summary>
public sealed class ZoneClosures
{
    private readonly ZoneClosedPeriod[][] _byZone = new ZoneClosedPeriod[ZoneSet.MaxZone + 1][];

    public ZoneClosures(IEnumerable<ZoneClosedPeriod> closures)
    {
        var lists = new List<ZoneClosedPeriod>?[ZoneSet.MaxZone + 1];
        foreach (var closure in closures)
        {
            // A zone number out of range or an empty period closes nothing (as an unknown zone's rule is open).
            if ((uint)closure.Zone <= ZoneSet.MaxZone && closure.From < closure.Until)
            {
                (lists[closure.Zone] ??= []).Add(closure);
            }
        }

        for (var zone = 0; zone <= ZoneSet.MaxZone; zone++)
        {
            _byZone[zone] = lists[zone] is { } list ? [.. list] : [];
        }
    }

    public static ZoneClosures None { get; } = new([]);

    /// <summary>Whether the zone is closed at the instant.</summary>
    public bool IsClosed(int zone, DateTimeOffset at)
    {
        if ((uint)zone > ZoneSet.MaxZone)
        {
            return false;
        }

        foreach (var closure in _byZone[zone])
        {
            if (closure.IsActive(at))
            {
                return true;
            }
        }

        return false;
    }
}
