using ArchUnitNET.Domain;
using static Summit.Tests.Architecture.SummitArchitecture;

namespace Summit.Tests.Architecture;

/// <summary>The rules of docs/architecture/module-anatomy.md over compiled types; each returns the offending uses, one line each.</summary>
internal static class ModuleBoundaries
{
    // The composition points put the modules together and so may name every one of them: the host's module list, the command
    // line, and the context that lists every table (with its provider subclasses and their migrations).
    private static readonly string[] CompositionRootTypes =
    [
        "Summit.Server.Infrastructure.SummitHost", "Summit.Server.Infrastructure.Database.SummitDbContext",
        "Summit.Server.Infrastructure.Database.SqliteSummitDbContext", "Summit.Server.Infrastructure.Database.PostgresSummitDbContext",
    ];

    private static readonly string[] CompositionRootNamespaces =
        ["Summit.Server.Infrastructure.Cli", "Summit.Server.Infrastructure.Database.Migrations", "Summit.Migrations"];

    public static bool IsCompositionRoot(IType type) =>
        CompositionRootTypes.Contains(WrittenIn(type))
        || CompositionRootNamespaces.Any(ns => type.Namespace.FullName == ns || type.Namespace.FullName.StartsWith(ns + ".", StringComparison.Ordinal));

    /// <summary>
    /// The demo seeds and plays a whole event through every module's own services (a guest registered, a credential issued, a
    /// sensor reading), which no contract offers: it alone may use other modules' insides. Every other rule holds for it: it names
    /// no Operations, knows no user interface, and no module or page names it.
    /// </summary>
    public static bool PlaysThroughEveryModule(IType type) => InNamespace(type, "Summit.Server.Demo");

    /// <summary>A module uses of another only what that one publishes in its Contracts namespace; Operations publishes nothing.</summary>
    public static IEnumerable<string> UsesOfOtherModulesInsides(IEnumerable<IType> types, ModuleMap map, ISet<string> entities)
    {
        foreach (var type in types.Where(t => !IsCompositionRoot(t) && !PlaysThroughEveryModule(t)))
        {
            if (map.ModuleOf(type) is not { } from)
            {
                continue;
            }

            foreach (var target in Targets(type))
            {
                if (map.ModuleOf(target) is not { } to || to == from || (map.IsContract(target) && to != "Operations"))
                {
                    continue;
                }

                // A table's configuration may declare a foreign key to another module's table (a guest's event): the database keeps
                // the two consistent, and the code still never reads the other table.
                if (IsEntityConfiguration(type) && entities.Contains(target.FullName))
                {
                    continue;
                }

                yield return $"{WrittenIn(type)} ({from}) uses {target.FullName} ({to}){(entities.Contains(target.FullName) ? ", a table it does not own" : "")}";
            }
        }
    }

    /// <summary>The platform: what every module builds on (Infrastructure) and the shell around every page (Components).</summary>
    public static readonly string[] Platform = ["Summit.Server.Infrastructure", "Summit.Server.Components"];

    /// <summary>Types of the platform (under the given namespaces) that name a module, contracts included.</summary>
    public static IEnumerable<string> PlatformUsesOfModules(IEnumerable<IType> types, ModuleMap map, IReadOnlyList<string> platform) =>
        from type in types
        where !IsCompositionRoot(type) && map.ModuleOf(type) is null && platform.Any(ns => InNamespace(type, ns))
        from target in Targets(type)
        where map.ModuleOf(target) is not null
        select $"{WrittenIn(type)} uses {target.FullName}";

    /// <summary>Types in the given namespaces (or below) that use anything in the forbidden ones.</summary>
    public static IEnumerable<string> Uses(IEnumerable<IType> types, Func<IType, bool> isSource, params string[] forbidden) =>
        from type in types
        where isSource(type)
        from target in Targets(type)
        where forbidden.Any(f => InNamespace(target, f))
        select $"{WrittenIn(type)} uses {target.FullName}";

    public static bool InNamespace(IType type, string ns) =>
        type.Namespace is { } n && (n.FullName == ns || n.FullName.StartsWith(ns + ".", StringComparison.Ordinal));

    private static bool IsEntityConfiguration(IType type) =>
        type is Class c && c.ImplementedInterfaces.Any(i => i.FullName.StartsWith("Microsoft.EntityFrameworkCore.IEntityTypeConfiguration`1", StringComparison.Ordinal));
}
