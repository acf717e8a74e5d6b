namespace Summit.Server.Infrastructure;

/// <summary>
/// Where Summit keeps its files (SQLite database, mail outbox, key file, the demo's agent token and state). Summit:DataDirectory
/// or SUMMIT_DATA when set, against the current directory; otherwise ./data. `dotnet run --project src/Summit.Server` starts the
/// server in its project directory (the Web SDK does, for its content root): from there ./data is the repository root's data
/// directory, the one README names, so a checkout keeps one data directory however the server is started from it.
/// </summary>
public static class DataLocation
{
    public const string DefaultFolder = "data";

    public static string Resolve(IConfiguration configuration, string currentDirectory)
    {
        if ((configuration["Summit:DataDirectory"] ?? configuration["SUMMIT_DATA"]) is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured, currentDirectory);
        }

        return Path.GetFullPath(Path.Combine(RepositoryRootOfServerProject(currentDirectory) ?? currentDirectory, DefaultFolder));
    }

    /// <summary>The repository root when <paramref name="directory"/> is the server's project directory in a source checkout; otherwise null.</summary>
    internal static string? RepositoryRootOfServerProject(string directory)
    {
        var root = Path.GetFullPath(Path.Combine(directory, "..", ".."));
        return File.Exists(Path.Combine(directory, "Summit.Server.csproj")) && File.Exists(Path.Combine(root, "Summit.slnx")) ? root : null;
    }
}
