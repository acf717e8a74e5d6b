namespace Summit.Faces.Core.Tests;

/// <summary>
/// Distances measured on the sample faces: genuine (each face against its own variants) and impostor (each original
/// against every other original, and each variant against every other person's original).
/// </summary>
public sealed record FaceAccuracyResult(
    IReadOnlyList<(string Face, FaceDescriptor Descriptor)> Originals,
    IReadOnlyList<GenuineTrial> Genuine,
    IReadOnlyList<double> OriginalImpostors,
    IReadOnlyList<double> VariantImpostors)
{
    public IReadOnlyList<double> GenuineDistances => [.. Genuine.Where(trial => trial.Distance is not null).Select(trial => trial.Distance!.Value)];

    public IReadOnlyList<double> Impostors => [.. OriginalImpostors, .. VariantImpostors];

    public int Missed => Genuine.Count(trial => trial.Distance is null);
}
