using Summit.Faces.Core;

namespace Summit.Server.Faces.Thresholds;

/// <summary>
/// The distances seen at the event's gates as a histogram, and what the settings in force make of them: distances only, no face, no
/// name, no gate.
/// </summary>
/// <param name="Matched">Admitted 1:1 checks (genuine).</param>
/// <param name="Mismatched">1:1 face mismatches (impostor, or a genuine holder falsely refused).</param>
/// <param name="LanePassages">Face-lane passages: their best distances are genuine, their second bests impostor.</param>
/// <param name="WouldRefuse">Genuine distances at or above the threshold in force.</param>
/// <param name="WouldAccept">Impostor distances under the threshold in force.</param>
/// <param name="SmallestLead">The smallest lead of a face-lane passage over its second best; null without any.</param>
/// <param name="Separating">A threshold halfway between the largest genuine and the smallest impostor distance, when they do not overlap.</param>
public sealed record ThresholdReport(IReadOnlyList<DistanceBin> Bins, int Matched, int Mismatched, int LanePassages, int LaneSeconds, double Threshold,
    double Margin, int WouldRefuse, int WouldAccept, double? SmallestLead, double? Separating);
