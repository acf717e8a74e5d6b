namespace Summit.Faces.Core;

/// <summary>
/// The outcome of <see cref="FaceLiveness.Judge"/>, with what it measured: <paramref name="Turn"/>, how far the nose tip's place
/// across the face (<see cref="FaceLiveness.NoseAcross"/>) moved between the frames, and <paramref name="FarthestDistance"/>, the
/// largest descriptor distance between two frames of the burst. Numbers only: no face, no template.
/// </summary>
public sealed record FaceLivenessResult(FaceLivenessOutcome Outcome, double Turn, double FarthestDistance)
{
    public bool IsLive => Outcome == FaceLivenessOutcome.Live;
}
