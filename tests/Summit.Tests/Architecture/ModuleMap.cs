using ArchUnitNET.Domain;

namespace Summit.Tests.Architecture;

/// <summary>
/// Which module a compiled type belongs to, from its namespace: <c>Summit.Server.&lt;Module&gt;</c> and below. A module's
/// <c>Contracts</c> namespace is what it publishes to the others (docs/architecture/module-anatomy.md).
/// </summary>
internal sealed class ModuleMap(IReadOnlyDictionary<string, string> rootsToModules)
{
    public static readonly string[] Modules = ["Guests", "Events", "Access", "Screening", "Operations", "Incidents", "Venues", "Privacy", "Demo"];

    /// <summary>The server's modules, under Summit.Server.</summary>
    public static readonly ModuleMap Server = new(Modules.ToDictionary(m => "Summit.Server." + m, m => m));

    /// <summary>The same map with more namespaces standing for modules (the deliberate violations in the tests).</summary>
    public ModuleMap With(string root, string module) =>
        new(new Dictionary<string, string>(rootsToModules) { [root] = module });

    public string? ModuleOf(IType type) => type.Namespace is { } ns ? ModuleOf(ns.FullName) : null;

    public string? ModuleOf(string ns) =>
        rootsToModules.FirstOrDefault(r => ns == r.Key || ns.StartsWith(r.Key + ".", StringComparison.Ordinal)).Value;

    /// <summary>True for a type in a module's Contracts namespace (or below it).</summary>
    public bool IsContract(IType type)
    {
        var ns = type.Namespace?.FullName ?? "";
        return rootsToModules.Keys.Any(root => ns == root + ".Contracts" || ns.StartsWith(root + ".Contracts.", StringComparison.Ordinal));
    }

    /// <summary>True for a type in a module's Pages namespace (or below it).</summary>
    public bool IsPage(IType type)
    {
        var ns = type.Namespace?.FullName ?? "";
        return rootsToModules.Keys.Any(root => ns == root + ".Pages" || ns.StartsWith(root + ".Pages.", StringComparison.Ordinal));
    }
}
