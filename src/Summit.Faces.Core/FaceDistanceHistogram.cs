namespace Summit.Faces.Core;

/// <summary>
/// Genuine and impostor distances counted in bins of equal width from 0, for a thresholds page: where the two distributions lie and
/// overlap, without any face. A distance at or beyond the last bin's end counts in the last bin; a negative or non-finite one is ignored.
/// </summary>
public static class FaceDistanceHistogram
{
    public const int MaxBins = 200;

    public static IReadOnlyList<DistanceBin> Of(IEnumerable<double> genuine, IEnumerable<double> impostor, double binWidth, double end)
    {
        if (!double.IsFinite(binWidth) || binWidth <= 0 || !double.IsFinite(end) || end <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(binWidth), "the bins need a positive width and end");
        }

        var count = (int)Math.Ceiling(Math.Round(end / binWidth, 9));
        if (count > MaxBins)
        {
            throw new ArgumentOutOfRangeException(nameof(end), $"at most {MaxBins} bins");
        }

        var genuineCounts = Count(genuine, binWidth, count);
        var impostorCounts = Count(impostor, binWidth, count);
        return [.. Enumerable.Range(0, count).Select(i => new DistanceBin(Math.Round(i * binWidth, 6), Math.Round((i + 1) * binWidth, 6),
            genuineCounts[i], impostorCounts[i]))];
    }

    private static int[] Count(IEnumerable<double> distances, double binWidth, int bins)
    {
        var counts = new int[bins];
        foreach (var distance in distances)
        {
            if (!double.IsFinite(distance) || distance < 0)
            {
                continue;
            }

            // Rounded first so that 0.45 with a width of 0.05 lands in [0.45, 0.5), not in the bin below by a floating-point hair.
            counts[Math.Min(bins - 1, (int)Math.Floor(Math.Round(distance / binWidth, 9)))]++;
        }

        return counts;
    }
}
