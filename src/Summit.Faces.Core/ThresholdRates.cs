namespace Summit.Faces.Core;

/// <summary>
/// False rejects and false accepts at one threshold. Two faces match when their distance is below the threshold.
/// </summary>
public sealed record ThresholdRates(double Threshold, int GenuinePairs, int FalseRejects, int ImpostorPairs, int FalseAccepts)
{
    /// <summary>Share of same-person pairs refused (NaN without any).</summary>
    public double FalseRejectRate => GenuinePairs == 0 ? double.NaN : (double)FalseRejects / GenuinePairs;

    /// <summary>Share of different-person pairs accepted (NaN without any).</summary>
    public double FalseAcceptRate => ImpostorPairs == 0 ? double.NaN : (double)FalseAccepts / ImpostorPairs;
}
