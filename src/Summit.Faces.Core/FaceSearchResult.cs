namespace Summit.Faces.Core;

/// <summary>The outcome of a 1:N search: the nearest person and the nearest other person, by descriptor distance.</summary>
public sealed record FaceSearchResult<TKey>(TKey? Best, double BestDistance, TKey? Second, double SecondDistance)
    where TKey : notnull
{
    /// <summary>Found is false for an empty gallery.</summary>
    public bool Found => Best is not null;

    /// <summary>
    /// A match worth acting on without a code: the best is within the threshold and clearly ahead of every other person
    /// (by at least the margin); otherwise the lane should ask for the code.
    /// </summary>
    public bool IsClearMatch(double threshold, double margin) =>
        Found && BestDistance < threshold && SecondDistance - BestDistance >= margin;
}
