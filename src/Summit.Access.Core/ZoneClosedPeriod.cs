namespace Summit.Access.Core;

/// <summary>A zone closed to entries over the half-open period [<paramref name="From"/>, <paramref name="Until"/>).</summary>
public readonly record struct ZoneClosedPeriod(int Zone, DateTimeOffset From, DateTimeOffset Until)
{
    public bool IsActive(DateTimeOffset at) => From <= at && at < Until;
}
