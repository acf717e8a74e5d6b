using Summit.Access.Core;

namespace Summit.Server.Demo.Live;

/// <summary>What the player did so far.</summary>
public sealed class DemoLiveStats
{
    public int Scans { get; set; }
    public int Admitted { get; set; }
    public Dictionary<ReasonCode, int> Refused { get; } = [];
    public int Rerouted { get; set; }
    public int Readings { get; set; }
    public int FeverReadings { get; set; }
    public int Failures { get; set; }

    public string Summary() => $"{Scans} scans, {Admitted} admitted, refused: "
        + (Refused.Count == 0 ? "none" : string.Join(", ", Refused.OrderByDescending(r => r.Value).Select(r => $"{r.Key} {r.Value}")))
        + $", {Rerouted} sent to another lane, {Readings} sensor readings ({FeverReadings} fevers)";
}
