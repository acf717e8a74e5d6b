using System.Numerics;

namespace Summit.Access.Core;

/// <summary>A set of zone numbers 0..63, stored as a 64-bit mask (bit n = zone n).</summary>
public readonly record struct ZoneSet(ulong Bits)
{
    /// <summary>Zone numbers are 0..MaxZone.</summary>
    public const int MaxZone = 63;

    public static ZoneSet Empty => default;

    public static ZoneSet Of(params ReadOnlySpan<int> zones)
    {
        var set = Empty;
        foreach (var zone in zones)
        {
            set = set.With(zone);
        }
        return set;
    }

    public bool IsEmpty => Bits == 0;

    public int Count => BitOperations.PopCount(Bits);

    /// <summary>False for numbers outside 0..63, so an out-of-range zone is never granted.</summary>
    public bool Contains(int zone) => (uint)zone <= MaxZone && (Bits & (1UL << zone)) != 0;

    public ZoneSet With(int zone)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(zone);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(zone, MaxZone);
        return new ZoneSet(Bits | (1UL << zone));
    }

    public ZoneSet Union(ZoneSet other) => new(Bits | other.Bits);

    public ZoneSet Except(ZoneSet other) => new(Bits & ~other.Bits);

    public IEnumerable<int> Zones()
    {
        for (var zone = 0; zone <= MaxZone; zone++)
        {
            if (Contains(zone))
            {
                yield return zone;
            }
        }
    }
}
