using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using Summit.Access.Core;
using Summit.Server.Infrastructure;

namespace Summit.Tests.Architecture;

/// <summary>The compiled server and gate core as ArchUnitNET reads them (from their IL), loaded once for every architecture test.</summary>
internal static class SummitArchitecture
{
    /// <summary>Where the deliberate violations live: a namespace of the test assembly that the checks treat as a module.</summary>
    public const string ViolationsRoot = "Summit.Tests.Architecture.Violations";

    private static readonly Lazy<ArchUnitNET.Domain.Architecture> Loaded = new(() => new ArchLoader()
        .LoadAssemblies(typeof(SummitHost).Assembly, typeof(GateDecision).Assembly)
        .LoadNamespacesWithinAssembly(typeof(SummitArchitecture).Assembly, ViolationsRoot)
        .Build());

    public static ArchUnitNET.Domain.Architecture Architecture => Loaded.Value;

    /// <summary>The server's own types (not the gate core's, not the deliberate violations).</summary>
    public static IEnumerable<IType> ServerTypes => Architecture.Types.Where(t => t.Assembly.Name.StartsWith("Summit.Server", StringComparison.Ordinal));

    public static IEnumerable<IType> ViolationTypes => Architecture.Types.Where(t => t.Namespace?.FullName.StartsWith(ViolationsRoot, StringComparison.Ordinal) == true);

    /// <summary>The outermost declaring type's name: a lambda's closure or a state machine reports as the type it was written in.</summary>
    public static string WrittenIn(IType type) => type.FullName.Split('+')[0].Split('<')[0];

    /// <summary>
    /// Every other type a type uses, once each. A generic method's type parameter ("...::ParseEnum(...)&lt;TEnum&gt;") is left out: the
    /// loader shares it between methods of the same name and parameter, so it can name a stranger's method.
    /// </summary>
    public static IEnumerable<IType> Targets(IType type) =>
        type.Dependencies.Select(d => d.Target)
            .Where(t => t.Namespace is not null && !t.FullName.Contains("::", StringComparison.Ordinal))
            .DistinctBy(t => t.FullName);
}
