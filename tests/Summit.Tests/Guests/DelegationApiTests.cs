using System.Net;
using System.Net.Http.Json;
using Summit.Server;
using Summit.Server.Guests;
using Summit.Server.Guests.Delegations;
using Summit.Server.Infrastructure.Identity;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Guests;

/// <summary>Delegations through POST/PUT /api/v1/delegations: unique names, known countries, a liaison from among the members.</summary>
public class DelegationApiTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task A_delegation_is_created_and_its_liaison_must_be_one_of_its_guests()
    {
        using var officer = await app.ClientForAsync(Roles.AccreditationOfficer);
        var create = await officer.PostAsJsonAsync("/api/v1/delegations", new DelegationInput("Delegation of Brazil", "br"), Intents.Json);
        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        var delegation = (await create.Content.ReadFromJsonAsync<DelegationDto>(Intents.Json))!;
        Assert.Equal("BR", delegation.CountryCode);

        var outsider = await app.CreateGuestAsync();
        var refused = await officer.PutAsJsonAsync($"/api/v1/delegations/{delegation.Id}",
            new DelegationInput("Delegation of Brazil", "BR", outsider.Id), Intents.Json);
        await refused.AssertProblemAsync(422, GuestErrors.LiaisonNotMember);

        var input = Intents.NewGuestInput();
        input.Delegation = "delegation of brazil";
        var member = await app.CreateGuestAsync(input);
        var accepted = await officer.PutAsJsonAsync($"/api/v1/delegations/{delegation.Id}",
            new DelegationInput("Delegation of the Federative Republic of Brazil", "BR", member.Id), Intents.Json);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(member.Id, (await accepted.Content.ReadFromJsonAsync<DelegationDto>(Intents.Json))!.LiaisonGuestId);

        var trail = await app.AuditTrailAsync("delegation", delegation.Id);
        Assert.Equal(["delegation.updated", "delegation.created"], trail.Select(a => a.Action));
        Assert.Equal((null, member.Id.ToString()), trail[0].Change("liaisonGuestId"));
        Assert.Equal(("Delegation of Brazil", "Delegation of the Federative Republic of Brazil"), trail[0].Change("name"));
        Assert.Equal((null, "BR"), trail[1].Change("country"));
        Assert.All(trail, a => Assert.Equal(SummitFactory.EmailOf(Roles.AccreditationOfficer), a.ActorName));
    }

    [Fact]
    public async Task A_new_delegation_cannot_name_a_liaison_it_has_no_members_yet()
    {
        var guest = await app.CreateGuestAsync();
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var response = await secretariat.PostAsJsonAsync("/api/v1/delegations", new DelegationInput("Delegation of Chile", "CL", guest.Id), Intents.Json);
        await response.AssertProblemAsync(422, GuestErrors.LiaisonNotMember);
    }

    [Fact]
    public async Task A_name_already_used_is_refused_whatever_its_case()
    {
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var response = await secretariat.PostAsJsonAsync("/api/v1/delegations", new DelegationInput("DELEGATION OF KAZAKHSTAN", "KZ"), Intents.Json);
        await response.AssertProblemAsync(409, GuestErrors.DelegationNameDuplicate);
        Assert.Empty(await app.AuditTrailAsync("delegation", app.Delegation.Id));
    }

    [Fact]
    public async Task An_unknown_country_and_a_missing_name_are_refused_field_by_field()
    {
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var response = await secretariat.PostAsJsonAsync("/api/v1/delegations", new DelegationInput("", "Atlantis"), Intents.Json);
        var details = await CategoryApiTests.AssertFieldProblemAsync(response, "country", GuestErrors.CountryUnknown);
        Assert.Contains(details, d => d.Field == "name" && d.Code == ErrorCodes.FieldRequired);
    }

    [Fact]
    public async Task Only_guest_editors_may_change_delegations()
    {
        using var gate = await app.ClientForAsync(Roles.GateOperator);
        var response = await gate.PostAsJsonAsync("/api/v1/delegations", new DelegationInput("Delegation of Peru", "PE"), Intents.Json);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);

        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var missing = await secretariat.PutAsJsonAsync($"/api/v1/delegations/{Guid.NewGuid()}", new DelegationInput("Delegation of Peru", "PE"), Intents.Json);
        await missing.AssertProblemAsync(404, GuestErrors.DelegationNotFound);
    }

    [Fact]
    public async Task A_liaison_who_leaves_the_delegation_is_no_longer_its_liaison()
    {
        using var officer = await app.ClientForAsync(Roles.AccreditationOfficer);
        var create = await officer.PostAsJsonAsync("/api/v1/delegations", new DelegationInput("Delegation of Uruguay", "UY"), Intents.Json);
        var delegation = (await create.Content.ReadFromJsonAsync<DelegationDto>(Intents.Json))!;
        var input = Intents.NewGuestInput();
        input.Delegation = delegation.Name;
        var liaison = await app.CreateGuestAsync(input);
        var set = await officer.PutAsJsonAsync($"/api/v1/delegations/{delegation.Id}", new DelegationInput(delegation.Name, "UY", liaison.Id), Intents.Json);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        input.Delegation = null;
        var moved = await officer.PutAsJsonAsync($"/api/v1/guests/{liaison.Id}", input, Intents.Json);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);

        var delegations = await officer.GetFromJsonAsync<List<DelegationDto>>("/api/v1/delegations", Intents.Json);
        Assert.Null(delegations!.Single(d => d.Id == delegation.Id).LiaisonGuestId);
    }
}
