namespace Summit.Access.Core.Sync;

/// <summary>A scan the device decided itself (offline, or as a gate agent), uploaded from its journal.</summary>
/// <param name="FaceDistance">The distance between the lane's frame and the holder's template when the agent compared them (issue 14);
/// at a face lane, the identified person's. Never the frame.</param>
/// <param name="FaceLane">The scan came by face at a face lane, without a code (1:N).</param>
/// <param name="FaceLead">At a face lane, how far the best match lay ahead of the second best.</param>
public sealed record JournalScan(Guid Nonce, string Code, GateDirection Direction, ReasonCode Reason, DateTimeOffset ScannedAt,
    double? FaceDistance = null, bool FaceLane = false, double? FaceLead = null)
{
    /// <summary>The largest face distance a journal may carry: far beyond any two faces' distance (under 1.5 among the sample faces).</summary>
    public const double MaxFaceDistance = 4;

    /// <summary>Whether the face figures are numbers a face comparison can give (NaN and infinities are not).</summary>
    public bool HasPlausibleFace => FaceDistance is null or (>= 0 and <= MaxFaceDistance) && FaceLead is null or (>= 0 and <= MaxFaceDistance);
}
