using System.Text.Json;

namespace Summit.Faces.Core.Tests;

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
