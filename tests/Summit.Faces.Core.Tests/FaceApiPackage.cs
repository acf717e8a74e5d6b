using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;

namespace Summit.Faces.Core.Tests;

/// <summary>
/// The npm package @vladmandic/face-api 1.7.15: its six sample photos (20 faces, whose owner is not stated, so they are
/// fetched rather than committed) and its weights. Found in SUMMIT_FACE_API_DIR (scripts/test.sh fetches it once), else
/// fetched with `npm pack` into a cache folder under the temporary directory. Shared by the tests and the benchmarks.
/// </summary>
public static class FaceApiPackage
{
    public const string Name = "@vladmandic/face-api";
    public const string Version = "1.7.15";

    private static readonly Lazy<string> Folder = new(Locate);

    /// <summary>The unpacked package folder (holding demo/ and model/).</summary>
    public static string Directory => Folder.Value;

    public static string ModelDirectory => Path.Combine(Directory, "model");

    /// <summary>demo/sample1.jpg to demo/sample6.jpg.</summary>
    public static IReadOnlyList<string> SamplePhotos =>
        [.. Enumerable.Range(1, 6).Select(i => Path.Combine(Directory, "demo", $"sample{i}.jpg"))];

    private static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable("SUMMIT_FACE_API_DIR");
        if (!string.IsNullOrEmpty(configured))
        {
            return IsComplete(configured)
                ? configured
                : throw new InvalidOperationException($"SUMMIT_FACE_API_DIR={configured} does not hold {Name} {Version} (demo/sample1.jpg, model/)");
        }

        var cache = Path.Combine(Path.GetTempPath(), $"summit-face-api-{Version}");
        if (IsComplete(cache))
        {
            return cache;
        }

        Fetch(cache);
        return cache;
    }

    private static bool IsComplete(string folder) =>
        File.Exists(Path.Combine(folder, "demo", "sample6.jpg")) && File.Exists(Path.Combine(folder, "model", "face_recognition_model.bin"));

    /// <summary>`npm pack` downloads the package's tarball without installing or running anything; it is unpacked here.</summary>
    private static void Fetch(string cache)
    {
        var work = Path.Combine(Path.GetTempPath(), $"summit-face-api-{Version}-{Environment.ProcessId}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(work);
        try
        {
            var start = new ProcessStartInfo("npm", ["pack", $"{Name}@{Version}", "--pack-destination", work, "--silent"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = work,
            };
            string output, error;
            try
            {
                using var npm = Process.Start(start) ?? throw new InvalidOperationException("npm did not start");
                var stdout = npm.StandardOutput.ReadToEndAsync();
                var stderr = npm.StandardError.ReadToEndAsync();
                if (!npm.WaitForExit(TimeSpan.FromMinutes(3)))
                {
                    npm.Kill(entireProcessTree: true);
                    throw Unreachable("npm pack did not finish within 3 minutes");
                }

                output = stdout.GetAwaiter().GetResult();
                error = stderr.GetAwaiter().GetResult();
                if (npm.ExitCode != 0)
                {
                    throw Unreachable($"npm pack exited with {npm.ExitCode}: {error.Trim()}");
                }
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw Unreachable($"npm could not be started ({e.Message}); install Node.js and npm");
            }

            var tarball = System.IO.Directory.GetFiles(work, "*.tgz").SingleOrDefault()
                ?? throw Unreachable($"npm pack wrote no tarball ({output.Trim()} {error.Trim()})");
            var unpacked = Path.Combine(work, "unpacked");
            System.IO.Directory.CreateDirectory(unpacked);
            using (var gzip = new GZipStream(File.OpenRead(tarball), CompressionMode.Decompress))
            {
                TarFile.ExtractToDirectory(gzip, unpacked, overwriteFiles: true);
            }

            // npm tarballs hold everything under package/. Another test process may have finished first: keep its copy.
            try
            {
                System.IO.Directory.Move(Path.Combine(unpacked, "package"), cache);
            }
            catch (IOException) when (IsComplete(cache))
            {
            }
        }
        finally
        {
            System.IO.Directory.Delete(work, recursive: true);
        }
    }

    private static InvalidOperationException Unreachable(string why) => new(
        $"The face tests need the npm package {Name} {Version} (its sample photos and weights), and it could not be fetched: " +
        $"{why}. Check that npm can reach its registry (npm view {Name}@{Version} version), or unpack the package " +
        "yourself and set SUMMIT_FACE_API_DIR to its folder.");
}
