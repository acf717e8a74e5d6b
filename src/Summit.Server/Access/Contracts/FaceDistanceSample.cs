namespace Summit.Server.Access.Contracts;

/// <summary>The distances seen at an event's gates, by kind.</summary>
/// <param name="Matched">Admitted 1:1 checks (a code with a frame) whose face matched: genuine, as far as the gate could tell.</param>
/// <param name="Mismatched">1:1 checks refused as a face mismatch (a lent badge, or a genuine holder falsely refused).</param>
/// <param name="LaneBest">Face-lane passages: the identified person's distance.</param>
/// <param name="LaneSecond">Face-lane passages: the nearest other person's distance (an impostor's, by construction).</param>
/// <param name="LaneLeads">Face-lane passages: how far the second lay behind the best.</param>
public sealed record FaceDistanceSample(IReadOnlyList<double> Matched, IReadOnlyList<double> Mismatched, IReadOnlyList<double> LaneBest,
    IReadOnlyList<double> LaneSecond, IReadOnlyList<double> LaneLeads)
{
    public const int MaxPerKind = 20_000;
}
