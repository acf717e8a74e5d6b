using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Access.Core;
using Summit.Server;
using Summit.Server.Access;
using Summit.Server.Access.Badges;
using Summit.Server.Access.Credentials;
using Summit.Server.Access.Grants;
using Summit.Server.Guests.Contracts;
using Summit.Server.Guests.Delegations;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Access;

/// <summary>Badges printed from the server: one A6 page per guest with a credential in force, audited; the QR opens the gate.</summary>
public class BadgeTests(AccessFactory app) : IClassFixture<AccessFactory>
{
    [Fact]
    public async Task A_guest_badge_is_one_page_and_the_print_and_photo_read_are_audited()
    {
        var guest = await app.ApprovedGuestAsync();
        await app.IssueCodeAsync(guest);
        using var officer = await app.ClientForAsync(Roles.AccreditationOfficer);

        var response = await officer.GetAsync($"/api/v1/access/guests/{guest}/badge.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, await PagesAsync(response));
        var printed = await AuditAsync(AuditActions.BadgesPrinted, guest);
        Assert.Equal("1", Change(Assert.Single(printed), "count"));
        Assert.NotEmpty(await AuditAsync(AuditActions.GuestPhotoViewed, guest));
    }

    [Fact]
    public async Task A_batch_prints_one_page_per_guest_of_the_selection_with_a_credential_in_force()
    {
        var delegation = await NewDelegationAsync();
        var delegates = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            delegates.Add(await DelegationMemberAsync(delegation, "Delegate"));
        }

        var vip = await DelegationMemberAsync(delegation, "VIP");
        var approvedOnly = await DelegationMemberAsync(delegation, "Delegate", issue: false);
        using var officer = await app.ClientForAsync(Roles.AccreditationOfficer);
        await (await officer.PostAsJsonAsync($"/api/v1/access/guests/{delegates[2]}/credential/revoke", new RevokeRequest("Left the delegation"), Intents.Json))
            .OkAsync<CredentialView>();

        var whole = await officer.PostAsJsonAsync("/api/v1/access/badges.pdf", new GuestSelection(null, null, delegation), Intents.Json);
        Assert.Equal(3, await PagesAsync(whole));
        var vipsOnly = await officer.GetAsync($"/api/v1/access/badges.pdf?categoryId={app.Categories["VIP"].Id}&delegationId={delegation}");
        Assert.Equal(1, await PagesAsync(vipsOnly));
        var chosen = await officer.PostAsJsonAsync("/api/v1/access/badges.pdf", new GuestSelection([delegates[0], approvedOnly, vip]), Intents.Json);
        Assert.Equal(2, await PagesAsync(chosen));

        var count = await app.InScopeAsync(sp => sp.GetRequiredService<BadgeService>().CountAsync(new GuestSelection(null, null, delegation)));
        Assert.Equal(3, count);
        var batches = await AuditAsync(AuditActions.BadgesPrinted, "selection");
        var batch = Assert.Single(batches, e => Change(e, "delegationId") == delegation.ToString() && Change(e, "categoryId") is null);
        Assert.Equal("3", Change(batch, "count"));
        Assert.Equal(new[] { delegates[0], delegates[1], vip }.Order(), Change(batch, "guests")!.Split(',').Select(Guid.Parse).Order());
    }

    [Fact]
    public async Task An_empty_selection_and_one_without_credentials_are_refused_with_their_reason()
    {
        using var officer = await app.ClientForAsync(Roles.AccreditationOfficer);
        await (await officer.PostAsJsonAsync("/api/v1/access/badges.pdf", new GuestSelection(), Intents.Json))
            .AssertProblemAsync(422, AccessErrors.BadgeSelectionEmpty);
        await (await officer.GetAsync("/api/v1/access/badges.pdf")).AssertProblemAsync(422, AccessErrors.BadgeSelectionEmpty);

        var delegation = await NewDelegationAsync();
        var approved = await DelegationMemberAsync(delegation, "Delegate", issue: false);
        await (await officer.PostAsJsonAsync("/api/v1/access/badges.pdf", new GuestSelection(null, null, delegation), Intents.Json))
            .AssertProblemAsync(422, AccessErrors.BadgeNoneInSelection);
        await (await officer.GetAsync($"/api/v1/access/guests/{approved}/badge.pdf")).AssertProblemAsync(404, ErrorCodes.CredentialNone);
        await (await officer.GetAsync($"/api/v1/access/guests/{approved}/qr.png")).AssertProblemAsync(404, ErrorCodes.CredentialNone);
    }

    [Fact]
    public async Task Badges_are_for_accreditation_only()
    {
        var guest = await app.ApprovedGuestAsync();
        await app.IssueCodeAsync(guest);
        foreach (var role in new[] { Roles.Secretariat, Roles.GateOperator, Roles.SecurityOfficer })
        {
            using var client = await app.ClientForAsync(role);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/access/guests/{guest}/badge.pdf")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/access/guests/{guest}/qr.png")).StatusCode);
        }
    }

    [Fact]
    public async Task The_qr_image_reads_as_the_guest_code_and_that_code_is_admitted_at_the_gate()
    {
        var guest = await app.ApprovedGuestAsync();
        var code = await app.IssueCodeAsync(guest);
        using var officer = await app.ClientForAsync(Roles.AccreditationOfficer);

        var response = await officer.GetAsync($"/api/v1/access/guests/{guest}/qr.png");
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var decoded = await Zbar.DecodeSingleAsync(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(code, decoded);
        var scan = await app.ScanAsync(app.Venue.MainInToken, decoded);
        Assert.True(scan.Admitted, scan.Message);
    }

    [Fact]
    public async Task A_badge_lists_the_zones_the_credential_opens_on_every_day()
    {
        var guest = await app.ApprovedGuestAsync();
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        // Delegates open MAIN and FORUM; this one gains VIP for good and a day of nothing more, and loses FORUM.
        await AddGrantAsync(secretariat, guest, new PersonalGrantInput(app.Venue.Vip.Id, GrantChange.Add));
        await AddGrantAsync(secretariat, guest, new PersonalGrantInput(app.Venue.Forum.Id, GrantChange.Remove));
        var oneDay = new DateOnly(2021, 9, 27);
        await AddGrantAsync(secretariat, guest, new PersonalGrantInput(app.Venue.Forum.Id, GrantChange.Add, oneDay, oneDay));
        await app.IssueCodeAsync(guest);

        var pass = await app.InScopeAsync(sp => sp.GetRequiredService<IGuestCredentialView>().FindAsync(guest, CancellationToken.None));

        Assert.Equal(["MAIN", "VIP"], pass!.Zones.Select(z => z.Code));
        Assert.Equal("主会场", pass.Zones[0].NameZh);
    }

    private static async Task AddGrantAsync(HttpClient client, Guid guest, PersonalGrantInput grant) =>
        await (await client.PostAsJsonAsync($"/api/v1/access/guests/{guest}/zones", grant, Intents.Json)).OkAsync<PersonalGrantView>();

    private async Task<Guid> NewDelegationAsync()
    {
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var delegation = await (await secretariat.PostAsJsonAsync("/api/v1/delegations",
            new DelegationInput("Delegation " + Guid.NewGuid().ToString("N")[..8], "KZ"), Intents.Json)).OkAsync<DelegationDto>();
        return delegation.Id;
    }

    private async Task<Guid> DelegationMemberAsync(Guid delegationId, string category, bool issue = true)
    {
        var delegation = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Delegations.SingleAsync(d => d.Id == delegationId));
        var input = Intents.NewGuestInput(category: category);
        input.Delegation = delegation.Name;
        var (guest, _) = await app.RegisteredWithLinkAsync(input);
        await app.ApproveAsync(guest);
        if (issue)
        {
            await app.IssueCodeAsync(guest);
        }

        return guest;
    }

    private static async Task<int> PagesAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, Encoding.UTF8.GetString(body));
        return BadgeRendererTests.PageObject().Count(Encoding.Latin1.GetString(body));
    }

    private Task<List<AuditEntry>> AuditAsync(string action, object entityId) => app.InScopeAsync(sp =>
        sp.GetRequiredService<SummitDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.Action == action && e.EntityId == entityId.ToString()).ToListAsync());

    private static string? Change(AuditEntry entry, string field) =>
        JsonDocument.Parse(entry.Changes!).RootElement.GetProperty(field).GetProperty("new").GetString();
}
