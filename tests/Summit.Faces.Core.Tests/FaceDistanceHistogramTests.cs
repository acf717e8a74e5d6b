namespace Summit.Faces.Core.Tests;

/// <summary>The thresholds page's histogram: distances counted in their bins, the far ones in the last, nonsense ignored.</summary>
public sealed class FaceDistanceHistogramTests
{
    [Fact]
    public void Distances_fall_in_their_bins_and_the_far_ones_in_the_last()
    {
        var bins = FaceDistanceHistogram.Of([0.0, 0.12, 0.45, 0.449, 0.95], [0.5, 0.61, 3.0, double.NaN, -0.1], binWidth: 0.05, end: 1.0);

        Assert.Equal(20, bins.Count);
        Assert.Equal((0.0, 0.05), (bins[0].From, bins[0].To));
        Assert.Equal((0.95, 1.0), (bins[^1].From, bins[^1].To));
        Assert.Equal(1, bins[0].Genuine);
        Assert.Equal(1, bins[2].Genuine);
        Assert.Equal(1, bins[8].Genuine);
        Assert.Equal(1, bins[9].Genuine);
        Assert.Equal(1, bins[19].Genuine);
        Assert.Equal(5, bins.Sum(b => b.Genuine));
        Assert.Equal(1, bins[10].Impostor);
        Assert.Equal(1, bins[12].Impostor);
        Assert.Equal(1, bins[19].Impostor);
        Assert.Equal(3, bins.Sum(b => b.Impostor));
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(-0.05, 1.0)]
    [InlineData(0.05, 0.0)]
    [InlineData(0.0001, 1.0)]
    public void Bins_without_a_width_or_too_many_are_refused(double width, double end) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FaceDistanceHistogram.Of([], [], width, end));
}
