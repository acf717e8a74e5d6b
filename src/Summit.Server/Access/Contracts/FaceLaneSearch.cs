using Summit.Access.Core;

namespace Summit.Server.Access.Contracts;

/// <summary>
/// What a face lane's 1:N search found (<see cref="IGateFaceSearch"/>): the person identified only when the nearest template lies under
/// the threshold and ahead of the nearest other person by at least the margin. Distances, never the frame or a template.
/// </summary>
/// <param name="HolderId">The guest identified by a clear match; null otherwise (no face, nobody near enough, too close a second).</param>
/// <param name="Distance">The nearest template's distance; null when no face was found or nothing was compared.</param>
/// <param name="SecondDistance">The nearest other person's distance; null when there was none.</param>
/// <param name="Threshold">The event's threshold.</param>
/// <param name="Margin">The event's margin the second must lie behind the best by.</param>
/// <param name="Live">At a lane that requires a live face (ADR 0035): whether the burst showed one live head turning (false: nobody was
/// searched for, <see cref="HolderId"/> is null and the lane refuses as <see cref="ReasonCode.FaceLaneNotLive"/>); null where not required.</param>
public sealed record FaceLaneSearch(Guid? HolderId, double? Distance, double? SecondDistance, double Threshold, double Margin, bool? Live = null)
{
    /// <summary>How far ahead of the second the best was; null without both.</summary>
    public double? Lead => Distance is { } best && SecondDistance is { } second ? Math.Round(second - best, 4) : null;

    /// <summary>The match as the 1:1 face check reads it, so that the face lane passes the same gate checks as a code with a frame.</summary>
    public FaceComparison Comparison => new(Distance, Threshold);
}
