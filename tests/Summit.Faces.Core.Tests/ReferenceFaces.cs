using System.Text.Json;

namespace Summit.Faces.Core.Tests;

/// <summary>One face as the reference implementation (face-api on TensorFlow.js, WebAssembly backend) found it.</summary>
public sealed record ReferenceFace(
    string File, int Index, double Ms, double Score, double[] Box, double[] Aligned, double[][] Landmarks, float[] Descriptor)
{
    public string Photo => Path.GetFileName(File);

    public FaceBox DetectionBox => new(Box[0], Box[1], Box[2], Box[3]);

    public FaceBox AlignedBox => new(Aligned[0], Aligned[1], Aligned[2], Aligned[3]);

    public IEnumerable<FacePoint> LandmarkPoints => Landmarks.Select(point => new FacePoint(point[0], point[1]));
}

/// <summary>
/// What /work/shared/face-reference/reference.js wrote for the six sample photos (Reference/face-api-reference.json,
/// regenerated with bench/faces.sh --write-reference). The reference is deterministic (two runs give identical detections,
/// landmarks and descriptors; only the timings differ), so its output is committed and the test runs in seconds.
/// </summary>
public static class ReferenceFaces
{
    private static readonly Lazy<IReadOnlyList<ReferenceFace>> All = new(() => Read(Path.Combine(AppContext.BaseDirectory, "Reference", "face-api-reference.json")));

    public static IReadOnlyList<ReferenceFace> Faces => All.Value;

    public static IReadOnlyList<ReferenceFace> Read(string path) =>
        JsonSerializer.Deserialize<List<ReferenceFace>>(File.ReadAllBytes(path), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
        ?? throw new InvalidDataException($"{path} is empty");
}
