namespace Summit.Server.Programme.Rules;

/// <summary>A half-open period [From, Until).</summary>
public readonly record struct TimeWindow(DateTimeOffset From, DateTimeOffset Until)
{
    public bool Overlaps(TimeWindow other) => From < other.Until && other.From < Until;

    public bool Contains(TimeWindow other) => From <= other.From && other.Until <= Until;
}
