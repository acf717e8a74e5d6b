using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Access.Core;
using Summit.Access.Core.Sync;
using Summit.Server;
using Summit.Server.Access;
using Summit.Server.Access.Contracts;
using Summit.Server.Access.Monitoring;
using Summit.Server.Access.Scanning;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Access;

/// <summary>The gate console and the live access page as the server renders them, and the scan path the console uses.</summary>
public partial class GatePagesTests(AccessFactory app) : IClassFixture<AccessFactory>
{
    [Fact]
    public async Task The_gate_choice_offers_each_gate_with_the_lanes_it_has()
    {
        using var browser = await app.BrowserForAsync(Roles.GateOperator);
        var html = await browser.GetStringAsync("/gate");

        Assert.Equal(["A1", "A2", "F1", "V1"], [.. Tags(html, "gate-card").Select(t => Attribute(t, "data-gate") ?? "").Order(StringComparer.Ordinal)]);
        Assert.Equal($"/gate/{app.Venue.MainIn.Id}?direction=Entry", Attribute(Tags(html, "open-A1-Entry").Single(), "href"));
        Assert.Empty(Tags(html, "open-A1-Exit"));
        Assert.Equal($"/gate/{app.Venue.MainOut.Id}?direction=Exit", Attribute(Tags(html, "open-A2-Exit").Single(), "href"));
        Assert.Single(Tags(html, "open-F1-Entry"));
        Assert.Single(Tags(html, "open-F1-Exit"));
    }

    [Fact]
    public async Task The_console_opens_on_the_gate_and_lane_of_its_address()
    {
        using var browser = await app.BrowserForAsync(Roles.GateOperator);

        var twoWay = await browser.GetStringAsync($"/gate/{app.Venue.ForumIn.Id}?direction=Exit");
        var console = Tags(twoWay, "gate-console").Single();
        Assert.Equal(("F1", "Exit"), (Attribute(console, "data-gate"), Attribute(console, "data-direction")));
        Assert.Equal("true", Attribute(Tags(twoWay, "lane-Exit").Single(), "aria-pressed"));
        var input = Tags(twoWay, "scan-input").Single();
        Assert.Equal(ScanProcessor.MaxCodeLength.ToString(System.Globalization.CultureInfo.InvariantCulture), Attribute(input, "maxlength"));
        Assert.Equal("none", Attribute(input, "inputmode"));
        Assert.Single(Tags(twoWay, "verdict-idle"));

        // An entry-only gate ignores a lane it does not have (an old bookmark).
        var oneWay = await browser.GetStringAsync($"/gate/{app.Venue.MainIn.Id}?direction=Exit");
        Assert.Equal("Entry", Attribute(Tags(oneWay, "gate-console").Single(), "data-direction"));
        Assert.Empty(Tags(oneWay, "lane-Exit"));
    }

    [Fact]
    public async Task A_console_for_a_gate_that_does_not_exist_says_so()
    {
        using var browser = await app.BrowserForAsync(Roles.SecurityOfficer);
        var html = await browser.GetStringAsync($"/gate/{Guid.NewGuid()}");
        Assert.Single(Tags(html, "gate-not-found"));
        Assert.Empty(Tags(html, "scan-input"));
    }

    [Fact]
    public async Task A_console_scan_is_recorded_in_the_operators_name_and_its_photo_opens_for_the_gate_roles()
    {
        var guest = await app.ApprovedGuestAsync();
        var code = await app.IssueCodeAsync(guest);
        var nonce = Guid.NewGuid();

        var response = await app.InScopeAsync(sp =>
        {
            // As the page runs it: in a scope acting as the circuit's user.
            sp.GetRequiredService<CurrentActor>().Use(new Actor("operator-7", "Gate operator", null));
            return sp.GetRequiredService<ConsoleScans>().ScanAsync(app.Venue.ForumIn.Id, new ConsoleScanRequest(nonce, code, GateDirection.Entry));
        });

        Assert.Equal(ReasonCode.Admitted, response.Reason);
        Assert.Equal(GateDirection.Entry, response.Direction);
        Assert.Equal(ConsoleScans.PhotoUrl(guest), response.Holder!.PhotoUrl);
        var scan = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Scans.AsNoTracking().SingleAsync(s => s.Nonce == nonce));
        Assert.Equal(("user:operator-7", ScanSource.Console, app.Venue.ForumIn.Id), (scan.Scanner, scan.Source, scan.GateId));

        // Whoever may scan at a console may see the face to compare it with.
        Assert.All(Policies.RolesFor[Policies.GateScan], role => Assert.Contains(role, Policies.RolesFor[Policies.PhotosView]));
        foreach (var role in Policies.RolesFor[Policies.GateScan])
        {
            using var browser = await app.BrowserForAsync(role);
            var photo = await browser.GetAsync(response.Holder.PhotoUrl);
            Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
            Assert.Equal("image/jpeg", photo.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task A_lane_the_gate_does_not_have_is_refused_before_anything_is_recorded()
    {
        var nonce = Guid.NewGuid();
        var refused = await Assert.ThrowsAsync<SummitException>(() => app.InScopeAsync(sp =>
            sp.GetRequiredService<ConsoleScans>().ScanAsync(app.Venue.MainIn.Id, new ConsoleScanRequest(nonce, "S1", GateDirection.Exit))));
        Assert.Equal(AccessErrors.ScanDirectionNotAllowed, refused.Error.Code);
        Assert.False(await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Scans.AnyAsync(s => s.Nonce == nonce)));
    }

    [Fact]
    public async Task The_live_page_shows_who_is_inside_the_gate_flow_the_latest_scans_and_open_conflicts()
    {
        var guest = await app.ApprovedGuestAsync();
        var code = await app.IssueCodeAsync(guest);
        Assert.True((await app.ScanAsync(app.Venue.MainInToken, code)).Admitted);
        Assert.Equal(ReasonCode.AlreadyInside, (await app.ScanAsync(app.Venue.MainInToken, code)).Reason);
        // A second gate agent on A1 admitted the same person while offline a minute earlier: a double entry to check.
        using var offline = app.DeviceClient(await app.EnrolDeviceAsync(app.Venue.MainIn.Id));
        var upload = await (await offline.PostAsJsonAsync("/api/v1/device/scans/upload", new ScanUploadRequest(
            [new(Guid.NewGuid(), code, GateDirection.Entry, ReasonCode.Admitted, app.Clock.GetUtcNow().AddMinutes(-1))]), Intents.Json)).OkAsync<ScanUploadResponse>();
        var conflict = Assert.Single(upload.Conflicts);
        var expected = await app.InScopeAsync(sp => sp.GetRequiredService<AccessQueries>().OccupancyAsync());

        using var browser = await app.BrowserForAsync(Roles.OperationsCentre);
        var html = await browser.GetStringAsync("/access/live");

        var main = Section(html, "zone-card", "data-zone", "MAIN");
        Assert.Equal(expected.Zones.Single(z => z.Code == "MAIN").Inside.ToString(System.Globalization.CultureInfo.InvariantCulture),
            InnerText(main, "zone-inside"));
        Assert.Contains("of 3000", main, StringComparison.Ordinal);
        var a1 = Tags(html, "gate-flow").Single(t => Attribute(t, "data-gate") == "A1");
        Assert.Equal(expected.Gates.Single(g => g.Code == "A1").Minutes.Sum(m => m.Entries).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Attribute(a1, "data-entries"));
        Assert.Contains(Tags(html, "live-scan"), t => Attribute(t, "data-reason") == nameof(ReasonCode.AlreadyInside));
        Assert.Contains(Tags(html, "reason-chip"), t => Attribute(t, "data-reason") == nameof(ReasonCode.AlreadyInside));
        Assert.Contains(Tags(html, "conflict"), t => Attribute(t, "data-conflict-id") == conflict.ConflictId.ToString());

        await app.InScopeAsync(sp => sp.GetRequiredService<AccessQueries>().ResolveConflictAsync(conflict.ConflictId, "Second agent clock was wrong"));
        var after = await browser.GetStringAsync("/access/live");
        Assert.DoesNotContain(Tags(after, "conflict"), t => Attribute(t, "data-conflict-id") == conflict.ConflictId.ToString());
    }

    [Fact]
    public async Task The_menu_offers_the_console_and_the_live_page_to_the_roles_that_may_open_them()
    {
        foreach (var role in Roles.All)
        {
            using var browser = await app.BrowserForAsync(role);
            var home = await browser.GetStringAsync("/");
            Assert.True(Policies.RolesFor[Policies.GateScan].Contains(role) == Tags(home, "nav-gate").Count > 0, $"Gate console link for {role}");
            Assert.True(Policies.RolesFor[Policies.AccessMonitor].Contains(role) == Tags(home, "nav-access-live").Count > 0, $"Live access link for {role}");
        }
    }

    /// <summary>The opening tags of the elements with this data-testid.</summary>
    private static List<string> Tags(string html, string testId) =>
        [.. OpeningTag().Matches(html).Select(m => m.Value).Where(t => Attribute(t, "data-testid") == testId)];

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"\\s{Regex.Escape(name)}=\"([^\"]*)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    /// <summary>The HTML from the element with this test id and attribute value up to the next element with the same test id.</summary>
    private static string Section(string html, string testId, string attribute, string value)
    {
        var tag = Tags(html, testId).Single(t => Attribute(t, attribute) == value);
        var start = html.IndexOf(tag, StringComparison.Ordinal);
        var next = Tags(html[(start + tag.Length)..], testId).FirstOrDefault();
        return next is null ? html[start..] : html[start..html.IndexOf(next, start + tag.Length, StringComparison.Ordinal)];
    }

    private static string InnerText(string html, string testId)
    {
        var tag = Tags(html, testId).First();
        var start = html.IndexOf(tag, StringComparison.Ordinal) + tag.Length;
        return WebUtility.HtmlDecode(html[start..html.IndexOf('<', start)]).Trim();
    }

    [GeneratedRegex("<[a-zA-Z][^>]*>")]
    private static partial Regex OpeningTag();
}
