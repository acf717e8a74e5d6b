using System.ComponentModel;
using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;

namespace Summit.Server.Demo;

/// <summary>
/// The six sample photos (20 faces) of the npm package @vladmandic/face-api 1.7.15, which the face tests use too
/// (tests/Summit.Faces.Core.Tests/NpmPackage.cs: the same cache folder, variable and `npm pack`): a configured copy, the cache, or
/// fetched into the cache with npm. Where none can be had, the demo says why and goes on without faces.
/// </summary>
internal static class DemoFacePhotos
{
    public const string Package = "@vladmandic/face-api";
    public const string Version = "1.7.15";

    public static IReadOnlyList<string> Names { get; } = [.. Enumerable.Range(1, 6).Select(i => $"sample{i}.jpg")];

    /// <summary>The photo's path in an unpacked package folder.</summary>
    public static string PathOf(string folder, string photo) => Path.Combine(folder, "demo", photo);

    /// <summary>The unpacked package folder without fetching anything: the live morning reads the photos the seeding found.</summary>
    public static string? Find(DemoFaceOptions options)
    {
        var folder = string.IsNullOrEmpty(options.PackageFolder) ? options.CacheFolder : options.PackageFolder;
        return Holds(folder) ? folder : null;
    }

    /// <summary>The unpacked package folder, fetched into the cache when needed; or null and why not.</summary>
    public static async Task<(string? Folder, string? Problem)> ObtainAsync(DemoFaceOptions options, ILogger logger, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(options.PackageFolder))
        {
            return Holds(options.PackageFolder) ? (options.PackageFolder, null)
                : (null, $"{options.PackageFolder} does not hold {Package} {Version} (demo/sample1.jpg to sample6.jpg)");
        }

        if (Holds(options.CacheFolder))
        {
            return (options.CacheFolder, null);
        }

        logger.LogInformation("Demo: fetching the sample photos of {Package} {Version} with npm into {Folder}", Package, Version, options.CacheFolder);
        var problem = await FetchAsync(options, ct);
        return problem is null && Holds(options.CacheFolder) ? (options.CacheFolder, null) : (null, problem ?? "the package has no sample photos");
    }

    private static bool Holds(string folder) => Names.All(name => File.Exists(PathOf(folder, name)));

    /// <summary>`npm pack` into a work folder, unpacked and moved into the cache whole; null when it worked, else why not.</summary>
    private static async Task<string?> FetchAsync(DemoFaceOptions options, CancellationToken ct)
    {
        var work = Path.Combine(Path.GetTempPath(), $"summit-demo-npm-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            var start = new ProcessStartInfo(options.Npm, ["pack", $"{Package}@{Version}", "--pack-destination", work, "--loglevel=error",
                // An unreachable registry fails within about a minute instead of npm's default retries.
                "--fetch-retries=1", "--fetch-timeout=30000"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = work,
            };
            Process? process;
            try
            {
                process = Process.Start(start);
            }
            catch (Win32Exception ex)
            {
                return $"{options.Npm} could not be started ({ex.Message})";
            }

            if (process is null)
            {
                return $"{options.Npm} did not start";
            }

            using (process)
            {
                var output = process.StandardOutput.ReadToEndAsync(ct);
                var error = process.StandardError.ReadToEndAsync(ct);
                // A process runs on the wall clock, whatever clock the server is given.
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(options.FetchTimeout);
                try
                {
                    await process.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    process.Kill(entireProcessTree: true);
                    return $"npm pack did not finish within {options.FetchTimeout.TotalSeconds:0} s";
                }

                if (process.ExitCode != 0)
                {
                    var said = (await error).Trim().Split('\n').FirstOrDefault(l => l.Length > 0) ?? (await output).Trim();
                    return $"npm pack exited with {process.ExitCode}: {said}";
                }
            }

            var tarball = Directory.GetFiles(work, "*.tgz").SingleOrDefault();
            if (tarball is null)
            {
                return "npm pack wrote no tarball";
            }

            var unpacked = Path.Combine(work, "unpacked");
            Directory.CreateDirectory(unpacked);
            await using (var gzip = new GZipStream(File.OpenRead(tarball), CompressionMode.Decompress))
            {
                await TarFile.ExtractToDirectoryAsync(gzip, unpacked, overwriteFiles: true, ct);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.CacheFolder))!);
            try
            {
                // npm tarballs hold everything under package/. A test run may have filled the cache meanwhile: its copy stays.
                Directory.Move(Path.Combine(unpacked, "package"), options.CacheFolder);
            }
            catch (IOException) when (Directory.Exists(options.CacheFolder))
            {
            }

            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return $"the package could not be unpacked ({ex.Message})";
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // A leftover in the temporary folder is no reason to stop the demo.
            }
        }
    }
}
