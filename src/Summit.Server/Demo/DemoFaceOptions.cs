using Summit.Server.Infrastructure.Options;

namespace Summit.Server.Demo;

/// <summary>
/// Summit:Demo:Faces: where `summit demo` gets the real faces it enrols, the six sample photos of the npm package
/// @vladmandic/face-api (the face tests' photos; fetched, never committed, as their owner is not stated).
/// </summary>
public sealed class DemoFaceOptions : IValidatedOptions
{
    /// <summary>The face tests' variable naming an unpacked copy of the package: the demo honours it too.</summary>
    public const string PackageFolderVariable = "SUMMIT_FACE_API_DIR";

    /// <summary>Off: the demo enrols no faces and plays no face scenes.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>An unpacked copy of the package (its package/ folder); when unset, <see cref="PackageFolderVariable"/>; when empty, the cache.</summary>
    public string? PackageFolder { get; set; }

    /// <summary>Where a fetched copy is kept: the face tests' cache folder, so that one fetch serves the tests and the demo.</summary>
    public string CacheFolder { get; set; } = Path.Combine(Path.GetTempPath(), $"summit-vladmandic-face-api-{DemoFacePhotos.Version}");

    /// <summary>The npm that fetches the package when the cache is empty (`npm pack`: downloads, installs and runs nothing).</summary>
    public string Npm { get; set; } = "npm";

    /// <summary>How long the fetch may take before the demo goes on without faces.</summary>
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromMinutes(2);

    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(CacheFolder) || string.IsNullOrWhiteSpace(Npm))
        {
            yield return "Summit:Demo:Faces: CacheFolder and Npm must not be empty.";
        }

        if (FetchTimeout <= TimeSpan.Zero)
        {
            yield return $"Summit:Demo:Faces:FetchTimeout must be positive; it is {FetchTimeout}.";
        }
    }
}
