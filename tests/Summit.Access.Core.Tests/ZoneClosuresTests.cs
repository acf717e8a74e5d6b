namespace Summit.Access.Core.Tests;

/// <summary>A zone's closures: half-open periods, per zone, out-of-range zones and empty periods closing nothing.</summary>
public sealed class ZoneClosuresTests
{
    private static readonly DateTimeOffset Ten = new(2026, 11, 8, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void A_zone_is_closed_from_the_start_of_its_period_until_just_before_its_end()
    {
        var closures = new ZoneClosures([new ZoneClosedPeriod(5, Ten, Ten.AddHours(2)), new ZoneClosedPeriod(64, Ten, Ten.AddHours(2)),
            new ZoneClosedPeriod(6, Ten, Ten)]);

        Assert.False(closures.IsClosed(5, Ten.AddTicks(-1)));
        Assert.True(closures.IsClosed(5, Ten));
        Assert.True(closures.IsClosed(5, Ten.AddHours(2).AddTicks(-1)));
        Assert.False(closures.IsClosed(5, Ten.AddHours(2)));
        Assert.False(closures.IsClosed(4, Ten.AddHours(1)));
        Assert.False(closures.IsClosed(6, Ten));
        Assert.False(closures.IsClosed(64, Ten.AddHours(1)));
        Assert.False(ZoneClosures.None.IsClosed(5, Ten));
    }
}
