using Summit.Faces.Core;
using Summit.Server.Access.Contracts;
using Summit.Server.Events.Contracts;
using Summit.Server.Faces.Settings;

namespace Summit.Server.Faces.Thresholds;

/// <summary>
/// The thresholds page's figures: the genuine (accepted 1:1 matches, face-lane bests) and impostor (1:1 mismatches, face-lane second
/// bests) distances recorded at the event's gates, as a histogram, with what the threshold and margin in force make of them.
/// </summary>
public sealed class FaceThresholdService(IEventCalendar events, IFaceDistances distances, FaceSettingsService settings)
{
    public const double BinWidth = 0.025;

    /// <summary>Distances beyond this are counted in the last bar: no two faces that far apart are ever taken for one.</summary>
    public const double End = 1.2;

    public async Task<ThresholdReport> GetAsync(CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var sample = await distances.ForEventAsync(summitEvent.Id, ct);
        var current = await settings.GetAsync(ct);
        List<double> genuine = [.. sample.Matched, .. sample.LaneBest];
        List<double> impostor = [.. sample.Mismatched, .. sample.LaneSecond];
        var rates = FaceMatchRates.At([current.Threshold], genuine, impostor)[0];
        return new ThresholdReport(FaceDistanceHistogram.Of(genuine, impostor, BinWidth, End), sample.Matched.Count, sample.Mismatched.Count,
            sample.LaneBest.Count, sample.LaneSecond.Count, current.Threshold, current.Margin, rates.FalseRejects, rates.FalseAccepts,
            sample.LaneLeads.Count == 0 ? null : sample.LaneLeads.Min(), FaceMatchRates.SeparatingThreshold(genuine, impostor));
    }
}
