namespace Summit.Access.Core;

/// <summary>The rules of every zone, indexed by zone number; zones without a rule get <see cref="ZoneRule.Open"/>.</summary>
public sealed class ZoneRules
{
    private readonly ZoneRule[] _rules = new ZoneRule[ZoneSet.MaxZone + 1];

    public ZoneRules(IEnumerable<KeyValuePair<int, ZoneRule>> rules)
    {
        Array.Fill(_rules, ZoneRule.Open);
        foreach (var (zone, rule) in rules)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(zone);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(zone, ZoneSet.MaxZone);
            _rules[zone] = rule ?? throw new ArgumentException($"Zone {zone} has no rule.", nameof(rules));
        }
    }

    public static ZoneRules AllOpen { get; } = new([]);

    public ZoneRule For(int zone) => (uint)zone <= ZoneSet.MaxZone ? _rules[zone] : ZoneRule.Open;
}
