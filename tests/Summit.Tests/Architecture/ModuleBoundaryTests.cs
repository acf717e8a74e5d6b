using Microsoft.EntityFrameworkCore;
using Summit.Server.Infrastructure.Database;
using static Summit.Tests.Architecture.ModuleBoundaries;
using static Summit.Tests.Architecture.SummitArchitecture;

namespace Summit.Tests.Architecture;

/// <summary>
/// Keeps the modules apart as docs/architecture/module-anatomy.md says, on the compiled types (ArchUnitNET reads the IL, so a
/// use through a lambda, a generic argument or a razor page counts as much as a field).
/// </summary>
public class ModuleBoundaryTests
{
    private static readonly Lazy<HashSet<string>> Entities = new(() =>
    {
        using var db = new SqliteSummitDbContext(new DbContextOptionsBuilder<SqliteSummitDbContext>().UseSqlite("Data Source=:memory:").Options);
        return [.. db.Model.GetEntityTypes().Where(e => !e.HasSharedClrType).Select(e => e.ClrType.FullName!)];
    });

    [Fact]
    public void A_module_uses_of_another_only_its_contracts() =>
        AssertNone(UsesOfOtherModulesInsides(ServerTypes, ModuleMap.Server, Entities.Value).Distinct(), "Uses of another module's insides");

    [Fact]
    public void Every_server_type_belongs_to_a_module_the_host_runs_or_to_the_platform() =>
        // ModuleMap takes the modules from SummitHost: a folder of code that no module class of the host stands for would go unchecked.
        AssertNone(
            ServerTypes.Select(t => t.Namespace?.FullName ?? "")
                .Where(ns => ns.StartsWith("Summit.Server.", StringComparison.Ordinal))
                .Where(ns => !ns.StartsWith("Summit.Server.Infrastructure", StringComparison.Ordinal)
                    && !ns.StartsWith("Summit.Server.Components", StringComparison.Ordinal)
                    && ModuleMap.Server.ModuleOf(ns) is null),
            "Namespaces of no module the host runs");

    [Fact]
    public void The_check_refuses_a_module_that_reaches_into_another() =>
        // The deliberate violation in Violations/: a screening type that takes Access's ZoneService and counts its scans table.
        Assert.Equal(
            [
                "Summit.Tests.Architecture.Violations.Screening.LeakyScreeningService (Screening) uses Summit.Server.Access.Domain.Scan (Access), a table it does not own",
                "Summit.Tests.Architecture.Violations.Screening.LeakyScreeningService (Screening) uses Summit.Server.Access.Zones.ZoneService (Access)",
            ],
            UsesOfOtherModulesInsides(ViolationTypes, ModuleMap.Server.With(ViolationsRoot + ".Screening", "Screening"), Entities.Value)
                .Distinct().Order(StringComparer.Ordinal));

    [Fact]
    public void Operations_publishes_no_contracts_and_nothing_uses_it() =>
        AssertNone(
            Uses(ServerTypes, t => !IsCompositionRoot(t) && !InNamespace(t, "Summit.Server.Operations"), "Summit.Server.Operations"),
            "Uses of Operations, which reads every module");

    [Fact]
    public void Privacy_names_no_other_module_but_the_event_calendar() =>
        // Export, erasure and purge go through IPersonalDataHolder and IDataSubjects, which the modules implement: Privacy names none of them,
        // not even their contracts.
        AssertNone(
            Uses(ServerTypes, t => InNamespace(t, "Summit.Server.Privacy"),
                [.. ModuleMap.Modules.Where(m => m is not ("Privacy" or "Events")).Select(m => "Summit.Server." + m), "Summit.Server.Components"]),
            "Privacy uses of other modules");

    [Fact]
    public void Access_does_not_name_screening() =>
        // Screening holds gates through Access's IGateHolds and IServerGateCheck; Access never names the module that implements them.
        AssertNone(Uses(ServerTypes, t => InNamespace(t, "Summit.Server.Access"), "Summit.Server.Screening"), "Access uses of Screening");

    [Fact]
    public void Guests_do_not_name_access() =>
        AssertNone(Uses(ServerTypes, t => InNamespace(t, "Summit.Server.Guests"), "Summit.Server.Access", "Summit.Access.Core"),
            "Guests uses of Access");

    [Fact]
    public void The_platform_names_no_module() =>
        // Infrastructure and the shell (layout, shared components, the platform's pages) come before every module: a module shows
        // itself in the shell through the places it publishes (ShellPlaces, menu entries), never by being named there.
        AssertNone(PlatformUsesOfModules(ServerTypes, ModuleMap.Server, Platform), "Platform types (Infrastructure, Components) that name a module");

    [Fact]
    public void The_check_refuses_a_platform_type_that_names_a_module() =>
        // The deliberate violation in Violations/: a shell helper that names Guests' insides and Guests' and Access's contracts.
        Assert.Equal(
            [
                "Summit.Tests.Architecture.Violations.Shell.LeakyShellText uses Summit.Server.Access.Contracts.ZonePlanArea",
                "Summit.Tests.Architecture.Violations.Shell.LeakyShellText uses Summit.Server.Guests.Contracts.GuestStatus",
                "Summit.Tests.Architecture.Violations.Shell.LeakyShellText uses Summit.Server.Guests.Domain.PersonNames",
            ],
            PlatformUsesOfModules(ViolationTypes, ModuleMap.Server, [ViolationsRoot + ".Shell"]).Distinct().Order(StringComparer.Ordinal));

    [Fact]
    public void The_gate_core_uses_neither_asp_net_nor_entity_framework() =>
        AssertNone(
            Uses(SummitArchitecture.Architecture.Types, t => t.Assembly.Name.StartsWith("Summit.Access.Core", StringComparison.Ordinal),
                "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Microsoft.Extensions"),
            "Gate core uses of server frameworks");

    [Fact]
    public void The_guest_domain_uses_no_framework() =>
        AssertNone(Uses(ServerTypes, t => InNamespace(t, "Summit.Server.Guests.Domain"), "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore"),
            "Guest domain uses of frameworks");

    [Fact]
    public void A_module_knows_the_user_interface_only_in_its_pages() =>
        AssertNone(
            Uses(ServerTypes, t => ModuleMap.Server.ModuleOf(t) is not null && !ModuleMap.Server.IsPage(t), "Summit.Server.Components"),
            "Module types outside Pages that use the shared UI");

    [Fact]
    public void Module_pages_use_only_the_shared_layout_and_components() =>
        AssertNone(
            Uses(ServerTypes, ModuleMap.Server.IsPage, "Summit.Server.Components.Pages", "Summit.Server.Demo"),
            "Pages that use another page or the demo");

    [Fact]
    public void Every_table_belongs_to_one_module_and_none_is_a_contract()
    {
        var misplaced = ServerTypes.Where(t => Entities.Value.Contains(t.FullName))
            .Where(t => ModuleMap.Server.IsContract(t) || (ModuleMap.Server.ModuleOf(t) is null && !InNamespace(t, "Summit.Server.Infrastructure")))
            .Select(t => t.FullName);
        AssertNone(misplaced, "Tables outside a module (or published as a contract)");
    }

    private static void AssertNone(IEnumerable<string> offences, string what)
    {
        var list = offences.Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(list.Count == 0, $"{what} ({list.Count}):\n" + string.Join("\n", list));
    }
}
