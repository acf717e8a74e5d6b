using System.Net.Http.Json;
using Summit.Server;
using Summit.Server.Access.Credentials;
using Summit.Server.Guests;
using Summit.Server.Guests.Delegations;
using Summit.Server.Guests.Portal;
using Summit.Server.Infrastructure.Identity;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Access;

/// <summary>The guest portal shows a credential's QR to its own guest (and to the liaison of the guest's delegation), no one else.</summary>
public class PortalPassTests(AccessFactory app) : IClassFixture<AccessFactory>
{
    [Fact]
    public async Task The_portal_shows_the_qr_of_its_own_guest_only()
    {
        var (first, firstToken) = await AccreditedAsync(Intents.NewGuestInput());
        var (second, secondToken) = await AccreditedAsync(Intents.NewGuestInput());
        using var anonymous = app.CreateClient();

        var view = await anonymous.GetFromJsonAsync<PortalView>($"/api/v1/portal/{firstToken}", Intents.Json);
        var code = await app.CodeOfAsync(first);
        Assert.Equal(code, view!.Pass?.Code);
        Assert.Equal(["MAIN", "FORUM"], view.Pass!.Zones.Select(z => z.Code));
        var qr = await anonymous.GetAsync($"/api/v1/portal/{firstToken}/qr.png");
        Assert.True(qr.Headers.CacheControl?.NoStore);
        Assert.Equal(code, await Zbar.DecodeSingleAsync(await qr.Content.ReadAsByteArrayAsync()));

        await (await anonymous.GetAsync($"/api/v1/portal/{firstToken}/qr.png?member={second}")).AssertProblemAsync(403, GuestErrors.DelegationNotYours);
        var other = await anonymous.GetByteArrayAsync($"/api/v1/portal/{secondToken}/qr.png");
        Assert.Equal(await app.CodeOfAsync(second), await Zbar.DecodeSingleAsync(other));
        await (await anonymous.GetAsync("/api/v1/portal/not-a-real-token/qr.png")).AssertProblemAsync(404, GuestErrors.InvitationNotFound);

        // The page itself: the image from the token's endpoint, the code under it and the zones.
        var page = await anonymous.GetStringAsync($"/portal/{firstToken}");
        Assert.Contains($"src=\"/api/v1/portal/{firstToken}/qr.png\"", page, StringComparison.Ordinal);
        Assert.Contains(code, page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"portal-zone\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_portal_shows_no_qr_without_a_credential_in_force()
    {
        var (guest, token) = await app.RegisteredWithLinkAsync(Intents.NewGuestInput());
        using var anonymous = app.CreateClient();
        Assert.Null((await anonymous.GetFromJsonAsync<PortalView>($"/api/v1/portal/{token}", Intents.Json))!.Pass);
        await (await anonymous.GetAsync($"/api/v1/portal/{token}/qr.png")).AssertProblemAsync(404, ErrorCodes.CredentialNone);

        await app.ApproveAsync(guest);
        await app.IssueCodeAsync(guest);
        Assert.NotNull((await anonymous.GetFromJsonAsync<PortalView>($"/api/v1/portal/{token}", Intents.Json))!.Pass);
        using var officer = await app.ClientForAsync(Roles.AccreditationOfficer);
        await (await officer.PostAsJsonAsync($"/api/v1/access/guests/{guest}/credential/revoke", new RevokeRequest("Badge stolen"), Intents.Json))
            .OkAsync<CredentialView>();

        Assert.Null((await anonymous.GetFromJsonAsync<PortalView>($"/api/v1/portal/{token}", Intents.Json))!.Pass);
        Assert.DoesNotContain("data-testid=\"portal-qr\"", await anonymous.GetStringAsync($"/portal/{token}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_liaison_sees_the_qr_of_a_member_and_a_member_not_the_liaisons()
    {
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var name = "Delegation " + Guid.NewGuid().ToString("N")[..8];
        var delegation = await (await secretariat.PostAsJsonAsync("/api/v1/delegations", new DelegationInput(name, "KZ"), Intents.Json))
            .OkAsync<DelegationDto>();
        var (liaison, liaisonToken) = await AccreditedAsync(InDelegation(name));
        var (member, memberToken) = await AccreditedAsync(InDelegation(name));
        await (await secretariat.PutAsJsonAsync($"/api/v1/delegations/{delegation.Id}", new DelegationInput(name, "KZ", liaison), Intents.Json))
            .OkAsync<DelegationDto>();
        using var anonymous = app.CreateClient();

        var memberCode = await app.CodeOfAsync(member);
        var view = await anonymous.GetFromJsonAsync<PortalView>($"/api/v1/portal/{liaisonToken}?member={member}", Intents.Json);
        Assert.Equal(memberCode, view!.Pass?.Code);
        var qr = await anonymous.GetByteArrayAsync($"/api/v1/portal/{liaisonToken}/qr.png?member={member}");
        Assert.Equal(memberCode, await Zbar.DecodeSingleAsync(qr));
        await (await anonymous.GetAsync($"/api/v1/portal/{memberToken}/qr.png?member={liaison}")).AssertProblemAsync(403, GuestErrors.DelegationNotYours);
    }

    private static GuestInput InDelegation(string delegation)
    {
        var input = Intents.NewGuestInput();
        input.Delegation = delegation;
        return input;
    }

    private async Task<(Guid GuestId, string Token)> AccreditedAsync(GuestInput input)
    {
        var (guest, token) = await app.RegisteredWithLinkAsync(input);
        await app.ApproveAsync(guest);
        await app.IssueCodeAsync(guest);
        return (guest, token);
    }
}
