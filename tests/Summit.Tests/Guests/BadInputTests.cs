using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server;
using Summit.Server.Guests;
using Summit.Server.Guests.Contracts;
using Summit.Server.Guests.Domain;
using Summit.Server.Guests.Portal;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Guests;

/// <summary>Wrong input in the portal and the guest API: each is refused with its reason, and nothing is half-saved.</summary>
public class BadInputTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task Registration_without_the_data_consent_is_refused_and_changes_nothing()
    {
        var (guestId, token) = await InvitedGuestAsync();
        var response = await app.RegisterAsync(token, Intents.RegistrationForm(TestImages.Jpeg(400, 500), dataConsent: false, familyName: "李"));
        await response.AssertProblemAsync(422, GuestErrors.ConsentRequired);
        await AssertUntouchedAsync(guestId);
        await app.RegisterOkAsync(token);
    }

    [Fact]
    public async Task An_in_person_guest_must_send_a_photo()
    {
        var (guestId, token) = await InvitedGuestAsync();
        var response = await app.RegisterAsync(token, Intents.RegistrationForm(photo: null, familyName: "李"));
        await response.AssertProblemAsync(422, GuestErrors.PhotoRequired);
        await AssertUntouchedAsync(guestId);
    }

    [Fact]
    public async Task An_online_guest_may_register_without_a_photo()
    {
        var (guestId, token) = await InvitedGuestAsync();
        var response = await app.RegisterAsync(token, Intents.RegistrationForm(photo: null, mode: "online"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var guest = await StoredAsync(guestId);
        Assert.Equal((GuestStatus.Registered, ParticipationMode.Online, false), (guest.Status, guest.ParticipationMode, guest.HasPhoto));
    }

    [Fact]
    public async Task Inviting_again_revokes_the_earlier_link()
    {
        var (guestId, first) = await InvitedGuestAsync();
        var second = await app.InviteAsync(guestId);

        using var anonymous = app.CreateClient();
        await (await anonymous.GetAsync($"/api/v1/portal/{first}")).AssertProblemAsync(422, GuestErrors.InvitationRevoked);
        await (await app.RegisterAsync(first, Intents.RegistrationForm(TestImages.Jpeg(400, 500)))).AssertProblemAsync(422, GuestErrors.InvitationRevoked);
        await AssertUntouchedAsync(guestId);
        Assert.Equal(GuestStatus.Registered, (await app.RegisterOkAsync(second)).Status);
    }

    [Fact]
    public async Task A_used_link_still_shows_the_portal_but_cannot_register_again()
    {
        var (guestId, token) = await InvitedGuestAsync();
        await app.RegisterOkAsync(token);

        await (await app.RegisterAsync(token, Intents.RegistrationForm(TestImages.Jpeg(400, 500), familyName: "李"))).AssertProblemAsync(422, GuestErrors.InvitationUsed);
        using var anonymous = app.CreateClient();
        var view = await anonymous.GetFromJsonAsync<PortalView>($"/api/v1/portal/{token}", Intents.Json);
        Assert.False(view!.CanRegister);
        Assert.Equal("王", (await StoredAsync(guestId)).FamilyName);
    }

    [Fact]
    public async Task A_liaison_completes_a_members_registration()
    {
        var delegation = await NewDelegationAsync();
        var (liaisonId, liaisonToken) = await InvitedGuestAsync(delegation);
        var (memberId, memberToken) = await InvitedGuestAsync(delegation);
        await MakeLiaisonAsync(delegation, liaisonId);

        var response = await app.RegisterAsync(liaisonToken, Intents.RegistrationForm(TestImages.Jpeg(400, 500), member: memberId, familyName: "阿斯卡"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var view = (await response.Content.ReadFromJsonAsync<PortalView>(Intents.Json))!;
        Assert.Equal((memberId, GuestStatus.Registered), (view.GuestId, view.Status));
        Assert.Equal("阿斯卡", (await StoredAsync(memberId)).FamilyName);

        // The member's own link is spent; the liaison's link still registers the liaison.
        await (await app.RegisterAsync(memberToken, Intents.RegistrationForm(TestImages.Jpeg(400, 500)))).AssertProblemAsync(422, GuestErrors.InvitationUsed);
        Assert.Equal(GuestStatus.Invited, (await StoredAsync(liaisonId)).Status);
        Assert.Equal(GuestStatus.Registered, (await app.RegisterOkAsync(liaisonToken)).Status);

        var registered = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().AuditEntries
            .SingleAsync(a => a.Action == AuditActions.GuestRegistered && a.EntityId == memberId.ToString()));
        Assert.Equal($"guest:{liaisonId}", registered.ActorId);
        Assert.StartsWith("liaison ", registered.ActorName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_liaison_cannot_touch_another_delegations_member()
    {
        var ours = await NewDelegationAsync();
        var theirs = await NewDelegationAsync();
        var (liaisonId, liaisonToken) = await InvitedGuestAsync(ours);
        var (strangerId, _) = await InvitedGuestAsync(theirs);
        await MakeLiaisonAsync(ours, liaisonId);

        var response = await app.RegisterAsync(liaisonToken, Intents.RegistrationForm(TestImages.Jpeg(400, 500), member: strangerId));
        await response.AssertProblemAsync(403, GuestErrors.DelegationNotYours);
        using var anonymous = app.CreateClient();
        await (await anonymous.GetAsync($"/api/v1/portal/{liaisonToken}?member={strangerId}")).AssertProblemAsync(403, GuestErrors.DelegationNotYours);
        await AssertUntouchedAsync(strangerId);
        await AssertUntouchedAsync(liaisonId);
    }

    [Fact]
    public async Task A_member_who_is_not_the_liaison_cannot_register_others()
    {
        var delegation = await NewDelegationAsync();
        var (liaisonId, _) = await InvitedGuestAsync(delegation);
        var (memberId, memberToken) = await InvitedGuestAsync(delegation);
        var (otherId, _) = await InvitedGuestAsync(delegation);
        await MakeLiaisonAsync(delegation, liaisonId);

        var response = await app.RegisterAsync(memberToken, Intents.RegistrationForm(TestImages.Jpeg(400, 500), member: otherId));
        await response.AssertProblemAsync(403, GuestErrors.DelegationNotYours);
        await AssertUntouchedAsync(otherId);
        await AssertUntouchedAsync(memberId);
    }

    [Fact]
    public async Task Withdrawing_face_consent_is_recorded()
    {
        var (guestId, token) = await InvitedGuestAsync();
        await app.RegisterOkAsync(token);
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var withdrawnAt = app.Clock.GetUtcNow();

        using var anonymous = app.CreateClient();
        var response = await anonymous.PostAsync($"/api/v1/portal/{token}/face-consent/withdraw", null);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);

        var view = await anonymous.GetFromJsonAsync<PortalView>($"/api/v1/portal/{token}", Intents.Json);
        Assert.False(view!.FaceConsentGiven);
        using var officer = await app.ClientForAsync(Roles.AccreditationOfficer);
        var detail = await officer.GetFromJsonAsync<GuestDetail>($"/api/v1/guests/{guestId}", Intents.Json);
        Assert.NotNull(detail!.FaceConsentAt);
        Assert.Equal(withdrawnAt, detail.FaceConsentWithdrawnAt);
        var entry = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().AuditEntries
            .SingleAsync(a => a.Action == AuditActions.GuestConsentWithdrawn && a.EntityId == guestId.ToString()));
        Assert.Equal(withdrawnAt, entry.At);
        Assert.Equal($"guest:{guestId}", entry.ActorId);
        Assert.Contains("faceConsent", entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Creating_a_guest_with_missing_fields_lists_each_problem()
    {
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var response = await secretariat.PostAsync("/api/v1/guests", new StringContent("{}", Encoding.UTF8, "application/json"));
        await response.AssertProblemAsync(422, ErrorCodes.RequestInvalid);
        var details = (await response.ProblemAsync()).GetProperty("details").EnumerateArray().ToList();
        Assert.Equal(
            ["category", "country", "email", "familyName", "organisation", "organisationType"],
            details.Select(d => d.GetProperty("field").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(details, d =>
        {
            Assert.Equal(ErrorCodes.FieldRequired, d.GetProperty("code").GetString());
            Assert.EndsWith("is required.", d.GetProperty("message").GetString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Bad_values_are_each_named_with_their_own_reason()
    {
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var input = Intents.NewGuestInput(email: "not-an-email", category: "Royalty");
        input.Country = "Atlantis";
        input.OrganisationType = "Guild";
        input.ParticipationMode = "by pigeon";
        var response = await secretariat.PostAsJsonAsync("/api/v1/guests", input, Intents.Json);
        await response.AssertProblemAsync(422, ErrorCodes.RequestInvalid);
        var problems = (await response.ProblemAsync()).GetProperty("details").EnumerateArray()
            .Select(d => (d.GetProperty("field").GetString(), d.GetProperty("code").GetString())).ToHashSet();
        Assert.Equal(new HashSet<(string?, string?)>
        {
            ("email", GuestErrors.EmailInvalid), ("category", GuestErrors.CategoryUnknown), ("country", GuestErrors.CountryUnknown),
            ("organisationType", GuestErrors.OrganisationTypeUnknown), ("participationMode", GuestErrors.ParticipationModeUnknown),
        }, problems);
    }

    [Fact]
    public async Task A_body_without_its_required_members_is_refused_with_each_member_named()
    {
        using var officer = await app.ClientForAsync(Roles.AccreditationOfficer);
        var approve = await officer.PostAsync("/api/v1/guests/approve", new StringContent("{}", Encoding.UTF8, "application/json"));
        await approve.AssertProblemAsync(422, ErrorCodes.RequestInvalid);
        Assert.Equal(["guestIds"], Fields(await approve.ProblemAsync()));

        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var body = JsonSerializer.SerializeToNode(Intents.NewGuestInput(), Intents.Json)!;
        body["familyName"] = null;
        var nullName = await secretariat.PostAsync("/api/v1/guests", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        await nullName.AssertProblemAsync(422, ErrorCodes.RequestInvalid);
        Assert.Equal(["familyName"], Fields(await nullName.ProblemAsync()));

        var eventChange = await secretariat.PutAsync("/api/v1/event", new StringContent("{\"startDate\":\"2021-09-26\",\"endDate\":\"2021-09-28\"}", Encoding.UTF8, "application/json"));
        await eventChange.AssertProblemAsync(422, ErrorCodes.RequestInvalid);
        Assert.Equal(["name", "nameZh", "timeZoneId", "venues"], Fields(await eventChange.ProblemAsync()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_second_guest_with_the_same_email_is_refused()
    {
        var first = await app.CreateGuestAsync();
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var response = await secretariat.PostAsJsonAsync("/api/v1/guests", Intents.NewGuestInput(email: first.Email.ToUpperInvariant()), Intents.Json);
        await response.AssertProblemAsync(409, GuestErrors.GuestEmailDuplicate);
    }

    [Fact]
    public async Task A_passport_is_one_document_however_it_is_typed()
    {
        await app.CreateGuestAsync(Intents.NewGuestInput(passport: "e 123-45"));
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var response = await secretariat.PostAsJsonAsync("/api/v1/guests", Intents.NewGuestInput(passport: "E12345"), Intents.Json);
        await response.AssertProblemAsync(409, GuestErrors.GuestPassportDuplicate);

        var other = await app.CreateGuestAsync();
        var input = Intents.NewGuestInput(email: other.Email, passport: "E-123 45");
        var update = await secretariat.PutAsJsonAsync($"/api/v1/guests/{other.Id}", input, Intents.Json);
        await update.AssertProblemAsync(409, GuestErrors.GuestPassportDuplicate);
        Assert.Null((await StoredAsync(other.Id)).PassportHash);
    }

    [Fact]
    public async Task An_edit_based_on_a_stale_read_is_refused()
    {
        var guest = await app.CreateGuestAsync();
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var input = Intents.NewGuestInput(email: guest.Email);
        input.Organisation = "Tsinghua University";
        var first = await PutAsync(secretariat, guest.Id, input, guest.ConcurrencyStamp);
        Assert.True(first.IsSuccessStatusCode, await first.Content.ReadAsStringAsync());

        input.Organisation = "Peking University";
        var stale = await PutAsync(secretariat, guest.Id, input, guest.ConcurrencyStamp);
        await stale.AssertProblemAsync(409, ErrorCodes.ConcurrentChange);
        Assert.Equal("Tsinghua University", (await StoredAsync(guest.Id)).Organisation);
    }

    [Fact]
    public async Task A_rejection_needs_a_reason()
    {
        var guestId = await app.RegisteredGuestAsync();
        using var officer = await app.ClientForAsync(Roles.AccreditationOfficer);
        foreach (var reason in new[] { null, "", "   " })
        {
            var response = await officer.PostAsJsonAsync($"/api/v1/guests/{guestId}/status", new StatusChangeRequest(GuestStatus.Rejected, reason, null), Intents.Json);
            await response.AssertProblemAsync(422, GuestErrors.RejectionReasonRequired);
        }

        Assert.Equal(GuestStatus.Registered, (await StoredAsync(guestId)).Status);
        var rejected = await officer.PostAsJsonAsync($"/api/v1/guests/{guestId}/status", new StatusChangeRequest(GuestStatus.Rejected, " No invitation from the host ministry ", null), Intents.Json);
        var detail = (await rejected.Content.ReadFromJsonAsync<GuestDetail>(Intents.Json))!;
        Assert.Equal((GuestStatus.Rejected, "No invitation from the host ministry"), (detail.Status, detail.StatusReason));
    }

    [Theory]
    [InlineData("王", "小明", "Wang", "Xiaoming")]
    [InlineData("عبد الله", "محمد", "Abdullah", "Mohammed")]
    [InlineData("Достоевский", "Фёдор", "Dostoevsky", "Fyodor")]
    [InlineData("Nguyễn", "Thị Minh Khai", null, null)]
    [InlineData("Jose\u0301 Müller", "Zoë", null, null)]
    [InlineData("O'Brien 😀", "👩‍💻 Ada", null, null)]
    public async Task Names_in_any_script_are_stored_as_entered(string family, string given, string? familyLatin, string? givenLatin)
    {
        var input = Intents.NewGuestInput();
        (input.FamilyName, input.GivenName, input.FamilyNameLatin, input.GivenNameLatin) = (family, given, familyLatin, givenLatin);
        var created = await app.CreateGuestAsync(input);

        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var detail = (await secretariat.GetFromJsonAsync<GuestDetail>($"/api/v1/guests/{created.Id}", Intents.Json))!;
        Assert.Equal((family, given, familyLatin ?? family, givenLatin ?? given),
            (detail.FamilyName, detail.GivenName, detail.FamilyNameLatin, detail.GivenNameLatin));
        var found = await secretariat.GetFromJsonAsync<PagedResult<GuestListItem>>($"/api/v1/guests?search={Uri.EscapeDataString(family)}&pageSize=500", Intents.Json);
        Assert.Contains(found!.Items, g => g.Id == created.Id);
    }

    private static List<string> Fields(JsonElement problem) =>
        [.. problem.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("field").GetString()!)];

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, Guid id, GuestInput input, Guid stamp)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/guests/{id}") { Content = JsonContent.Create(input, options: Intents.Json) };
        request.Headers.TryAddWithoutValidation("If-Match", stamp.ToString());
        return client.SendAsync(request);
    }

    private async Task<(Guid GuestId, string Token)> InvitedGuestAsync(Delegation? delegation = null)
    {
        var input = Intents.NewGuestInput();
        input.Delegation = delegation?.Name;
        var guest = await app.CreateGuestAsync(input);
        return (guest.Id, await app.InviteAsync(guest.Id));
    }

    private Task<Delegation> NewDelegationAsync() => app.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<SummitDbContext>();
        var delegation = new Delegation { EventId = app.EventId, Name = "Delegation " + Guid.NewGuid().ToString("N")[..8], CountryCode = "KZ" };
        db.Delegations.Add(delegation);
        await db.SaveChangesAsync();
        return delegation;
    });

    private Task MakeLiaisonAsync(Delegation delegation, Guid guestId) => app.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<SummitDbContext>();
        (await db.Delegations.SingleAsync(d => d.Id == delegation.Id)).LiaisonGuestId = guestId;
        await db.SaveChangesAsync();
    });

    private Task<Guest> StoredAsync(Guid guestId) =>
        app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Guests.AsNoTracking().SingleAsync(g => g.Id == guestId));

    /// <summary>The guest is as the organizer created it: still invited, no consent, no photo, the link unused.</summary>
    private async Task AssertUntouchedAsync(Guid guestId)
    {
        var guest = await StoredAsync(guestId);
        Assert.Equal((GuestStatus.Invited, "王", (DateTimeOffset?)null, false), (guest.Status, guest.FamilyName, guest.DataConsentAt, guest.HasPhoto));
        var open = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Invitations
            .CountAsync(i => i.GuestId == guestId && i.UsedAt == null && i.RevokedAt == null));
        Assert.Equal(1, open);
    }
}
