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

    /// <summary>Admitted at a face lane on the face alone, found by the server's 1:N search.</summary>
    public int FaceLanePassages { get; set; }

    /// <summary>Beats with a face left out because the sample photos could not be read when the morning started.</summary>
    public int FaceBeatsSkipped { get; set; }

    public string Summary() => $"{Scans} scans, {Admitted} admitted, refused: "
        + (Refused.Count == 0 ? "none" : string.Join(", ", Refused.OrderByDescending(r => r.Value).Select(r => $"{r.Key} {r.Value}")))
        + $", {Rerouted} sent to another lane, {Readings} sensor readings ({FeverReadings} fevers), {FaceLanePassages} passed a face lane on their face";
}
