namespace Summit.Faces.Core;

/// <summary>
/// Rates from distances of pairs known to be the same person (genuine) and known to be different people (impostor): what the
/// accuracy benchmark reports and what a thresholds page can show from the distances seen at an event.
/// </summary>
public static class FaceMatchRates
{
    public static bool Matches(double distance, double threshold) => distance < threshold;

    public static IReadOnlyList<ThresholdRates> At(IEnumerable<double> thresholds, IReadOnlyCollection<double> genuine, IReadOnlyCollection<double> impostor) =>
    [
        .. thresholds.Select(threshold => new ThresholdRates(
            threshold,
            genuine.Count,
            genuine.Count(distance => !Matches(distance, threshold)),
            impostor.Count,
            impostor.Count(distance => Matches(distance, threshold)))),
    ];

    /// <summary>The threshold halfway between the largest genuine and the smallest impostor distance, if they do not overlap.</summary>
    public static double? SeparatingThreshold(IReadOnlyCollection<double> genuine, IReadOnlyCollection<double> impostor)
    {
        if (genuine.Count == 0 || impostor.Count == 0)
        {
            return null;
        }

        var largestGenuine = genuine.Max();
        var smallestImpostor = impostor.Min();
        return largestGenuine < smallestImpostor ? (largestGenuine + smallestImpostor) / 2 : null;
    }
}
