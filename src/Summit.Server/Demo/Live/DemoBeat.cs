namespace Summit.Server.Demo.Live;

/// <summary>One thing that happens in the morning, <see cref="At"/> after it starts (script time, before acceleration).</summary>
/// <param name="FaceOf">Whose face the lane's camera sees: its frame, cut from the sample photos, goes with the scan (the server compares it).</param>
/// <param name="FaceOnly">The frame alone, without the code (a face lane); the code is shown only when the lane asks for it.</param>
public sealed record DemoBeat(TimeSpan At, DemoBeatKind Kind, string Gate, string? Code = null, double Celsius = 0, string? Sensor = null,
    Guid? FaceOf = null, bool FaceOnly = false)
{
    public bool IsFever(double threshold) => Kind == DemoBeatKind.Reading && Celsius > threshold;
}
