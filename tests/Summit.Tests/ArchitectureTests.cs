using System.Text.RegularExpressions;

namespace Summit.Tests;

/// <summary>
/// The source-text check that the compiled-type ones (Architecture/ModuleBoundaryTests) cannot make: what a page injects, since
/// an injection compiles to a property like any other.
/// </summary>
public partial class ArchitectureTests
{
    private static readonly string ServerRoot = Path.Combine(RepositoryRoot(), "src", "Summit.Server");

    // What a page or component may have injected besides UiOperations: plumbing that reads no one's data (the menu's entries and the
    // sections modules register on each other's pages are component types and policies). The live feeds push figures to a page that
    // is open; each may be injected only by a page that states its policy.
    private static readonly string[] PagePlumbing =
    [
        "UiOperations", "NavigationManager", "IJSRuntime", "TimeProvider", "IAuthorizationService", "AuthenticationStateProvider", "Localizer",
        "SummitNavigation", "PageSections", "ILogger", "IOptions", "IOptionsMonitor",
    ];

    private static readonly string[] LiveFeeds = ["IncidentFeed", "ScreeningThreshold", "ScreeningLiveFeed", "OperationsBoard", "AccessLiveFeed"];

    // The staff member's own account (two-factor set-up): Identity's own stores, on a page for the signed-in user alone.
    private static readonly string[] OwnAccountPages = ["Components/Pages/TwoFactor.razor"];

    // The layout's notification bell, on every staff page: it takes from the incident feed only the signal that its own user has a
    // notification, and reads the notifications through UiOperations (IncidentsRaise).
    private const string NotificationBell = "Incidents/Pages/NotificationBell.razor";

    [Fact]
    public void Pages_reach_services_only_through_the_authorization_seam()
    {
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(ServerRoot, "*.razor", SearchOption.AllDirectories))
        {
            var path = Path.GetRelativePath(ServerRoot, file).Replace('\\', '/');
            var text = File.ReadAllText(file);
            foreach (Match injection in Injection().Matches(text))
            {
                var type = injection.Groups["type"].Value.Split('.')[^1];
                var name = type.Split('<')[0];
                if (PagePlumbing.Contains(name) || OwnAccountPages.Contains(path))
                {
                    continue;
                }

                if (!LiveFeeds.Contains(name))
                {
                    offenders.Add($"{path}: injects {type}; run it through UiOperations with its policy");
                }
                else if (!PagePolicy().IsMatch(text) && path != NotificationBell)
                {
                    offenders.Add($"{path}: a live feed ({type}) on a page that states no policy");
                }
            }
        }

        Assert.True(offenders.Count == 0, "Pages that bypass UiOperations:\n" + string.Join("\n", offenders));
    }

    [GeneratedRegex(@"(@inject\s+|\[Inject\]\s*(private\s+|public\s+)?)(?<type>[\w.]+(<[\w.,\s]+>)?)")]
    private static partial Regex Injection();

    [GeneratedRegex(@"@attribute \[Authorize\(Policy = Policies\.\w+\)\]")]
    private static partial Regex PagePolicy();

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Summit.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
