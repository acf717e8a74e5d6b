namespace Summit.Server.Infrastructure.Modules;

/// <summary>The navigation menu: the entries every module declares, in their order.</summary>
public sealed class SummitNavigation(IEnumerable<ISummitModule> modules)
{
    public IReadOnlyList<NavigationEntry> Entries { get; } = [.. modules.SelectMany(m => m.Navigation).OrderBy(e => e.Order)];
}
