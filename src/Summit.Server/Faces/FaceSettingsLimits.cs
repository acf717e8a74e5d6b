namespace Summit.Server.Faces;

/// <summary>What an event's face settings may be.</summary>
public static class FaceSettingsLimits
{
    /// <summary>Below 0.3 the same person photographed twice is refused too often; above 0.7 strangers pass (docs/benchmarks.md).</summary>
    public const double MinThreshold = 0.3;

    public const double MaxThreshold = 0.7;

    /// <summary>A face template is kept at most a month after the event: it serves the gates, nothing after them.</summary>
    public const int MaxRetentionDays = 30;

    /// <summary>
    /// A face lane's margin: below 0.05 two people almost equally near would pass as one; above 0.3 nobody is ever clear (the sample
    /// faces' genuine and impostor distances lie about 0.3 to 0.5 apart, docs/benchmarks.md).
    /// </summary>
    public const double MinMargin = 0.05;

    public const double MaxMargin = 0.3;
}
