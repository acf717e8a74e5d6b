using Summit.Server.Infrastructure;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Infrastructure.Modules;

namespace Summit.Tests.Infrastructure;

/// <summary>The host is a list of modules (docs/architecture/module-anatomy.md): what they declare must add up to one consistent system.</summary>
public class ModuleMapTests
{
    [Fact]
    public void Every_policy_of_the_matrix_has_exactly_one_owning_module()
    {
        var owners = SummitHost.Modules.SelectMany(m => m.OwnedPolicies.Select(p => (Policy: p, Module: m.GetType().Name))).ToList();

        Assert.Empty(owners.GroupBy(o => o.Policy).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(o => o.Module))}"));
        Assert.Equal(Policies.RolesFor.Keys.Order(StringComparer.Ordinal), owners.Select(o => o.Policy).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_menu_keeps_its_order_and_every_entry_has_a_text_in_both_languages()
    {
        var entries = new SummitNavigation(SummitHost.Modules).Entries;

        Assert.Equal(
            [
                "/", "/guests", "/approvals", "/guests/import", "/delegations", "/access/badges", "/access/zones", "/access/devices", "/access/keys", "/gate",
                "/operations", "/access/live", "/screening", "/screening/sensors", "/faces/gates", "/faces/thresholds", "/operations/incidents", "/venues/timeline", "/venues/rooms", "/venues/equipment", "/programme", "/programme/timetable", "/programme/scheduling", "/operations/report", "/event", "/admin/users",
                "/privacy", "/admin/audit", "/account/two-factor", "/api-reference",
            ],
            entries.Select(e => e.Href));
        Assert.Equal(entries.Count, entries.Select(e => e.Order).Distinct().Count());
        var localizer = new Localizer();
        foreach (var language in new[] { Localizer.English, Localizer.Chinese })
        {
            var keys = localizer.Keys(language).ToHashSet(StringComparer.Ordinal);
            Assert.Empty(entries.Where(e => !keys.Contains(e.TextKey)).Select(e => e.TextKey));
        }

        Assert.All(entries.Where(e => e.Audience == NavigationAudience.Policy), e => Assert.True(Policies.RolesFor.ContainsKey(e.Policy!), e.Href));
    }
}
