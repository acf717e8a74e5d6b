namespace Summit.Faces.Core.Tests;

/// <summary>
/// The npm package @vladmandic/face-api 1.7.15: its six sample photos (20 faces, whose owner is not stated, so they are
/// fetched rather than committed) and its weights. SUMMIT_FACE_API_DIR may name an unpacked copy. Shared by the tests and
/// the benchmarks.
/// </summary>
public static class FaceApiPackage
{
    public const string Version = "1.7.15";

    private static readonly NpmPackage Package = new("@vladmandic/face-api", Version, "SUMMIT_FACE_API_DIR", "model/face_recognition_model.bin");

    /// <summary>The unpacked package folder (holding demo/ and model/).</summary>
    public static string Directory => Package.Directory;

    public static string ModelDirectory => Path.Combine(Directory, "model");

    /// <summary>demo/sample1.jpg to demo/sample6.jpg.</summary>
    public static IReadOnlyList<string> SamplePhotos =>
        [.. Enumerable.Range(1, 6).Select(i => Path.Combine(Directory, "demo", $"sample{i}.jpg"))];
}
