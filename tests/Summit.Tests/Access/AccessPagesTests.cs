using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server.Access.Blocks;
using Summit.Server.Access.Credentials;
using Summit.Server.Access.Grants;
using Summit.Server.Access.Keys;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Localization;
using Summit.Tests.Infrastructure;
using GuestPageText = Summit.Server.Guests.Pages.GuestPageText;

namespace Summit.Tests.Access;

/// <summary>
/// The staff pages of one-code access, as the server renders them for a signed-in browser (the first, prerendered HTML),
/// on the small test venue. Who may open which page is checked for every role by the authorization matrix test.
/// </summary>
public partial class AccessPagesTests(AccessFactory app) : IClassFixture<AccessFactory>
{
    [Fact]
    public async Task The_zones_page_shows_zones_with_their_rules_gates_and_what_each_category_opens()
    {
        var html = await app.PageAsync(Roles.Secretariat, "/access/zones");

        Assert.Superset(new HashSet<string> { "MAIN", "FORUM", "VIP" }, TestIds(html, "zone-row-code").ToHashSet());
        Assert.Contains("主会场", html, StringComparison.Ordinal);
        Assert.Contains("Timed: 10 min", html, StringComparison.Ordinal);
        Assert.Contains("Soft (alert)", html, StringComparison.Ordinal);
        Assert.Superset(new HashSet<string> { "A1", "A2", "F1", "V1" }, TestIds(html, "gate-row-code").ToHashSet());
        Assert.Equal(["MAIN", "FORUM"], GrantedZones(html, "Delegate"));
        Assert.Equal(["MAIN", "FORUM", "VIP"], GrantedZones(html, "VIP"));
        Assert.Empty(GrantedZones(html, "Staff"));
    }

    [Fact]
    public async Task The_zones_page_speaks_Chinese_to_a_Chinese_browser()
    {
        var html = await app.PageAsync(Roles.Secretariat, "/access/zones", "zh-Hans");

        Assert.Contains("区域与闸口", html, StringComparison.Ordinal);
        Assert.Contains("证件类别可进入的区域", html, StringComparison.Ordinal);
        Assert.Contains("限时：10 分钟", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Days_set_in_the_grid_are_saved_per_category_and_shown_in_the_cell()
    {
        var firstDay = DateOnly.FromDateTime(AccessFactory.FirstMorning.UtcDateTime);
        var category = app.Categories["Media"].Id;
        await app.InScopeAsync(sp => sp.GetRequiredService<CategoryZoneService>().SetCategoryZonesAsync(category,
            [new ZoneDays(app.Venue.Main.Id), new ZoneDays(app.Venue.Forum.Id, firstDay, firstDay.AddDays(1))]));

        var html = await app.PageAsync(Roles.Secretariat, "/access/zones");

        Assert.Equal(["MAIN", "FORUM"], GrantedZones(html, "Media"));
        var row = GridRow(html, "Media");
        Assert.Equal(["Every day", $"{firstDay:MM-dd} – {firstDay.AddDays(1):MM-dd}"], TestIds(row, "grid-days"));
    }

    [Fact]
    public async Task The_devices_page_lists_every_device_with_its_token_prefix_and_never_a_whole_token()
    {
        var html = await app.PageAsync(Roles.Admin, "/access/devices");

        Assert.True(TestIds(html, "device-row-name").Count >= 4);
        Assert.Contains(app.Venue.MainInToken[..10], html, StringComparison.Ordinal);
        foreach (var token in new[] { app.Venue.MainInToken, app.Venue.MainOutToken, app.Venue.ForumInToken, app.Venue.VipInToken })
        {
            Assert.DoesNotContain(token, html, StringComparison.Ordinal);
        }

        Assert.Contains("data-testid=\"device-enrol\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_keys_page_shows_the_key_that_signs_its_fingerprint_and_the_credentials_it_signed()
    {
        await app.IssueCodeAsync(await app.ApprovedGuestAsync());
        var keys = await app.InScopeAsync(sp => sp.GetRequiredService<SigningKeyService>().ListAsync());
        var active = Assert.Single(keys, k => k.Status == Summit.Server.Access.Domain.SigningKeyStatus.Active);

        var html = await app.PageAsync(Roles.Admin, "/access/keys");

        Assert.Contains($"data-status=\"Active\"", html, StringComparison.Ordinal);
        Assert.Contains(active.Fingerprint, TestIds(html, "key-row-fingerprint"));
        var credentials = TestIds(html, "key-row-credentials");
        Assert.Contains(active.ActiveCredentials.ToString(System.Globalization.CultureInfo.InvariantCulture), credentials);
        Assert.True(active.ActiveCredentials >= 1);
    }

    [Fact]
    public void A_key_fingerprint_is_the_start_of_the_public_keys_SHA256_in_groups_of_four()
    {
        var publicKey = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        var view = new SigningKeyView(1, Convert.ToBase64String(publicKey), Summit.Server.Access.Domain.SigningKeyStatus.Active,
            DateTimeOffset.UnixEpoch, null, null, 0);

        var hex = Convert.ToHexString(SHA256.HashData(publicKey));
        Assert.Equal($"{hex[..4]} {hex[4..8]} {hex[8..12]} {hex[12..16]}", view.Fingerprint);
    }

    [Fact]
    public async Task The_guest_page_shows_accreditation_the_credential_in_force_and_the_earlier_ones_with_their_reasons()
    {
        var guest = await app.ApprovedGuestAsync();
        await app.IssueCodeAsync(guest);
        await app.InScopeAsync(sp => sp.GetRequiredService<CredentialService>().ReissueAsync(guest, "Badge lost at the hotel"));

        var html = await app.PageAsync(Roles.AccreditationOfficer, $"/guests/{guest}");

        Assert.Equal(["#2"], TestIds(html, "credential-sequence"));
        Assert.Contains("data-state=\"active\"", html, StringComparison.Ordinal);
        Assert.Equal(["Badge lost at the hotel"], TestIds(html, "credential-history-reason"));
        Assert.Contains("data-testid=\"credential-reissue\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"credential-revoke\"", html, StringComparison.Ordinal);
        // Each piece of the panel stays behind its own policy: accreditation neither edits zones nor blocks people.
        Assert.DoesNotContain("personal-zones-panel", html, StringComparison.Ordinal);
        Assert.DoesNotContain("block-panel", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_approved_guest_without_a_credential_is_offered_the_issue_button()
    {
        var guest = await app.ApprovedGuestAsync();

        var html = await app.PageAsync(Roles.AccreditationOfficer, $"/guests/{guest}");

        Assert.Contains("data-state=\"none\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"credential-issue\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_secretariat_sees_the_persons_zone_changes_but_not_the_credential()
    {
        var guest = await app.ApprovedGuestAsync();
        await app.InScopeAsync(sp => sp.GetRequiredService<PersonalGrantService>().AddPersonalGrantAsync(guest,
            new PersonalGrantInput(app.Venue.Vip.Id, Summit.Access.Core.GrantChange.Add, Reason: "Speaker at the VIP dinner")));

        var html = await app.PageAsync(Roles.Secretariat, $"/guests/{guest}");

        Assert.DoesNotContain("credential-panel", html, StringComparison.Ordinal);
        Assert.Contains("personal-zones-panel", html, StringComparison.Ordinal);
        Assert.Contains("data-zone=\"VIP\" data-change=\"Add\"", html, StringComparison.Ordinal);
        Assert.Contains("Speaker at the VIP dinner", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_sees_the_block_with_its_reason_and_the_history_names_the_access_actions()
    {
        var guest = await app.ApprovedGuestAsync();
        await app.InScopeAsync(sp => sp.GetRequiredService<PersonBlockService>().BlockAsync(guest, new BlockInput("Threatened staff at registration")));

        var html = await app.PageAsync(Roles.Admin, $"/guests/{guest}");

        Assert.Contains("data-blocked=\"true\"", html, StringComparison.Ordinal);
        Assert.Equal(["Threatened staff at registration"], TestIds(html, "block-reason"));
        Assert.Contains("Blocked at the gates", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lifting_a_block_records_who_cleared_the_person_and_why()
    {
        var guest = await app.ApprovedGuestAsync();
        await app.InScopeAsync(async sp =>
        {
            var blocks = sp.GetRequiredService<PersonBlockService>();
            await blocks.BlockAsync(guest, new BlockInput("Identity in doubt"));
            await blocks.UnblockAsync(guest, "  Passport checked by the security chief  ");
        });

        var unblocked = (await HistoryAsync(guest)).First(e => e.Action == AuditActions.PersonUnblocked);

        var lines = GuestPageText.Changes(new Localizer(), unblocked.Changes, new Dictionary<Guid, string>(), new Dictionary<Guid, string>(), TimeZoneInfo.Utc);
        Assert.Contains("Reason: — → Passport checked by the security chief", lines);
        Assert.Contains("Block: Identity in doubt → —", lines);
        Assert.Null(await app.InScopeAsync(sp => sp.GetRequiredService<PersonBlockService>().GetBlockAsync(guest)));
    }

    [Fact]
    public async Task Bulk_issue_is_offered_on_the_guest_list_to_accreditation_only()
    {
        Assert.Contains("data-testid=\"issue-selected\"", await app.PageAsync(Roles.AccreditationOfficer, "/guests"), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"issue-selected\"", await app.PageAsync(Roles.Secretariat, "/guests"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_menu_shows_each_access_page_to_the_roles_of_its_policy()
    {
        var admin = await app.PageAsync(Roles.Admin, "/");
        Assert.Contains("nav-access-zones", admin, StringComparison.Ordinal);
        Assert.Contains("nav-access-devices", admin, StringComparison.Ordinal);
        Assert.Contains("nav-access-keys", admin, StringComparison.Ordinal);

        var security = await app.PageAsync(Roles.SecurityOfficer, "/");
        Assert.Contains("nav-access-zones", security, StringComparison.Ordinal);
        Assert.DoesNotContain("nav-access-devices", security, StringComparison.Ordinal);
        Assert.DoesNotContain("nav-access-keys", security, StringComparison.Ordinal);

        Assert.DoesNotContain("nav-access-", await app.PageAsync(Roles.AccreditationOfficer, "/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_role_without_the_policy_is_sent_to_access_denied()
    {
        using var officer = await app.BrowserForAsync(Roles.AccreditationOfficer);
        foreach (var page in new[] { "/access/zones", "/access/devices", "/access/keys" })
        {
            var response = await officer.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/access-denied", new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath);
        }
    }

    /// <summary>The text inside each element carrying the test id.</summary>
    private static List<string> TestIds(string html, string testId) =>
        [.. Regex.Matches(html, $"data-testid=\"{Regex.Escape(testId)}\"[^>]*>([^<]*)<").Select(m => m.Groups[1].Value.Trim())];

    private static string GridRow(string html, string category)
    {
        var row = Regex.Match(html, $"data-testid=\"grid-row\" data-category=\"{Regex.Escape(category)}\".*?</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, $"No grid row for {category}.");
        return row.Value;
    }

    private static List<string> GrantedZones(string html, string category) =>
        [.. GridCell().Matches(GridRow(html, category)).Where(m => m.Groups[2].Value == "true").Select(m => m.Groups[1].Value)];

    [GeneratedRegex("data-testid=\"grid-cell\" data-zone=\"([^\"]+)\" data-granted=\"(true|false)\"")]
    private static partial Regex GridCell();

    private Task<IReadOnlyList<AuditEntry>> HistoryAsync(Guid guestId) => app.InScopeAsync(async sp =>
        (await sp.GetRequiredService<AuditQueries>().ListAsync(new AuditFilter(
            Actor: null, Action: null, EntityType: "guest", EntityId: guestId.ToString(), From: null, To: null, Page: 1, PageSize: 50))).Items);
}
