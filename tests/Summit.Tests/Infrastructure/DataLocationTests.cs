using Microsoft.Extensions.Configuration;
using Summit.Server.Infrastructure;

namespace Summit.Tests.Infrastructure;

/// <summary>README: "the data go to ./data" when Summit is run from the repository root, also through `dotnet run --project src/Summit.Server`.</summary>
public sealed class DataLocationTests : IDisposable
{
    private readonly string _checkout = Path.Combine(Path.GetTempPath(), "summit-checkout-" + Guid.NewGuid().ToString("N"));

    public DataLocationTests()
    {
        Directory.CreateDirectory(Path.Combine(_checkout, "src", "Summit.Server"));
        File.WriteAllText(Path.Combine(_checkout, "Summit.slnx"), "<Solution />");
        File.WriteAllText(Path.Combine(_checkout, "src", "Summit.Server", "Summit.Server.csproj"), "<Project />");
    }

    [Fact]
    public void Dotnet_run_from_the_server_project_directory_and_a_start_at_the_repository_root_both_use_the_root_data_directory()
    {
        var expected = Path.Combine(_checkout, "data");
        Assert.Equal(expected, DataLocation.Resolve(Settings(), Path.Combine(_checkout, "src", "Summit.Server")));
        Assert.Equal(expected, DataLocation.Resolve(Settings(), _checkout));
    }

    [Fact]
    public void Elsewhere_the_data_directory_is_data_under_the_current_directory()
    {
        var elsewhere = Path.Combine(_checkout, "src");
        Assert.Equal(Path.Combine(elsewhere, "data"), DataLocation.Resolve(Settings(), elsewhere));
        // A published server (no project file beside it) keeps its data where it runs.
        var published = Path.Combine(_checkout, "publish");
        Directory.CreateDirectory(published);
        Assert.Equal(Path.Combine(published, "data"), DataLocation.Resolve(Settings(), published));
    }

    [Fact]
    public void A_configured_directory_wins_and_a_relative_one_is_taken_from_the_current_directory()
    {
        var project = Path.Combine(_checkout, "src", "Summit.Server");
        Assert.Equal(Path.Combine(project, "mine"), DataLocation.Resolve(Settings(("Summit:DataDirectory", "mine")), project));
        Assert.Equal("/srv/summit", DataLocation.Resolve(Settings(("SUMMIT_DATA", "/srv/summit")), project));
    }

    [Fact]
    public void In_this_repository_the_server_project_directory_resolves_to_the_repository_root_data()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Summit.slnx")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("The tests run outside the repository.");
        }

        // With the server's own appsettings.json, as `dotnet run --project src/Summit.Server` reads it.
        var project = Path.Combine(root, "src", "Summit.Server");
        var shipped = new ConfigurationBuilder().AddJsonFile(Path.Combine(project, "appsettings.json")).Build();
        Assert.Equal(Path.Combine(root, "data"), DataLocation.Resolve(shipped, project));
    }

    public void Dispose() => Directory.Delete(_checkout, recursive: true);

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
