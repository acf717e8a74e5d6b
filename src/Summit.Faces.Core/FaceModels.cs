using System.Security.Cryptography;

namespace Summit.Faces.Core;

/// <summary>
/// The three ONNX networks embedded in this assembly (built by tools/Summit.Faces.ModelBuilder from @vladmandic/face-api
/// 1.7.15; licences in Models/NOTICE.md), checked against Models/SHA256SUMS when read.
/// </summary>
public static class FaceModels
{
    public const string DetectorFile = "tiny_face_detector.onnx";
    public const string LandmarksFile = "face_landmark_68.onnx";
    public const string RecognitionFile = "face_recognition.onnx";

    public static IReadOnlyList<string> Files { get; } = [DetectorFile, LandmarksFile, RecognitionFile];

    /// <summary>SHA-256 (lower-case hex) of each model file, from the embedded Models/SHA256SUMS.</summary>
    public static IReadOnlyDictionary<string, string> Sha256 { get; } = ReadChecksums();

    /// <summary>The bytes of one embedded model, after checking them against <see cref="Sha256"/>.</summary>
    public static byte[] Read(string file)
    {
        if (!Sha256.TryGetValue(file, out var expected))
        {
            throw new ArgumentException($"{file} is not one of Summit's face models", nameof(file));
        }

        using var stream = Open(file);
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return actual == expected
            ? bytes
            : throw new InvalidDataException($"the embedded {file} has SHA-256 {actual}, Models/SHA256SUMS says {expected}: the build is damaged");
    }

    private static Stream Open(string name) =>
        typeof(FaceModels).Assembly.GetManifestResourceStream($"Summit.Faces.Core.Models.{name}")
        ?? throw new InvalidDataException($"Summit.Faces.Core was built without Models/{name}");

    private static Dictionary<string, string> ReadChecksums()
    {
        using var reader = new StreamReader(Open("SHA256SUMS"));
        var sums = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            // sha256sum's format: "<hex>  <file>".
            var parts = line.Split("  ", 2);
            if (parts.Length == 2)
            {
                sums[parts[1].Trim()] = parts[0].Trim();
            }
        }

        return sums;
    }
}
