namespace Summit.Access.Core;

/// <summary>
/// A lane's camera frame compared with the enrolled template of the code's holder (issue 14): the Euclidean distance between the
/// two 128-number descriptors against the event's threshold. Made before the decision, so that the checks stay pure; the frame
/// itself is gone by then.
/// </summary>
/// <param name="Distance">The distance to the template; null when the frame showed no face to compare.</param>
/// <param name="Threshold">The largest distance that still counts as the same person.</param>
/// <param name="Live">
/// At a gate that requires liveness: whether the burst of frames showed a live head (judged by the Faces engine before the
/// decision); null where liveness was not required or not judged (a gate without the switch). Access.Core does no face maths.
/// </param>
public readonly record struct FaceComparison(double? Distance, double Threshold, bool? Live = null)
{
    /// <summary>A face was found and lies within the threshold; no face found is not a match.</summary>
    public bool Matches => Distance is { } distance && distance <= Threshold;
}
