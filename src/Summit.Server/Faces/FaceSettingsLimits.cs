namespace Summit.Server.Faces;

/// <summary>What an event's face settings may be.</summary>
public static class FaceSettingsLimits
{
    /// <summary>Below 0.3 the same person photographed twice is refused too often; above 0.7 strangers pass (docs/benchmarks.md).</summary>
    public const double MinThreshold = 0.3;

    public const double MaxThreshold = 0.7;

    /// <summary>A face template is kept at most a month after the event: it serves the gates, nothing after them.</summary>
    public const int MaxRetentionDays = 30;
}
