namespace Summit.Server.Faces.Enrolment;

/// <summary>The face lane for several guests at once (the guest list's selection).</summary>
/// <param name="GuestIds">The guests, at most <see cref="MaxGuests"/>.</param>
/// <param name="FastLane">Whether they may pass a face lane without a code.</param>
public sealed record FastLaneSelection(IReadOnlyList<Guid>? GuestIds, bool FastLane)
{
    /// <summary>A summit's VIPs are a few hundred: one request marks them all, and no request does unbounded work.</summary>
    public const int MaxGuests = 500;
}
