using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Access.Core;
using Summit.Server;
using Summit.Server.Access;
using Summit.Server.Access.Credentials;
using Summit.Server.Access.Domain;
using Summit.Server.Access.Keys;
using Summit.Server.Guests;
using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Security;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Access;

public class CredentialTests(AccessFactory app) : IClassFixture<AccessFactory>
{
    [Fact]
    public async Task Issuing_accredits_the_guest_and_gives_a_code_that_opens_the_category_zones()
    {
        var guest = await app.ApprovedGuestAsync();
        var code = await app.IssueCodeAsync(guest);

        Assert.Equal(GuestStatus.Accredited, await app.StatusOfAsync(guest));
        Assert.True(CredentialCodec.TryDecode(code, out var payload, out _));
        Assert.Equal(guest, payload.HolderId);
        var scan = await app.ScanAsync(app.Venue.MainInToken, code);
        Assert.True(scan.Admitted, scan.Message);
        Assert.Equal(GuestStatus.Arrived, await app.StatusOfAsync(guest));
        Assert.Equal(ReasonCode.ZoneNotGranted, (await app.ScanAsync(app.Venue.VipInToken, code)).Reason);
    }

    [Fact]
    public async Task The_same_credential_prints_the_same_code_every_time()
    {
        var guest = await app.ApprovedGuestAsync();
        var code = await app.IssueCodeAsync(guest);
        Assert.Equal(code, await app.CodeOfAsync(guest));
    }

    [Fact]
    public async Task Only_approved_in_person_guests_get_a_credential()
    {
        var registered = await app.RegisteredGuestAsync();
        using var officer = await app.ClientForAsync(Roles.AccreditationOfficer);
        await (await officer.PostAsync($"/api/v1/access/guests/{registered}/credential", null)).AssertProblemAsync(409, AccessErrors.CredentialGuestNotApproved);

        var onlineInput = Intents.NewGuestInput();
        onlineInput.ParticipationMode = "Online";
        var online = await app.CreateGuestAsync(onlineInput);
        var token = await app.InviteAsync(online.Id);
        await app.RegisterAsync(token, Intents.RegistrationForm(mode: "Online"));
        await officer.PostAsJsonAsync($"/api/v1/guests/{online.Id}/status", new StatusChangeRequest(GuestStatus.Approved, null, null), Intents.Json);
        await (await officer.PostAsync($"/api/v1/access/guests/{online.Id}/credential", null)).AssertProblemAsync(409, AccessErrors.CredentialGuestOnline);
    }

    [Fact]
    public async Task A_second_issue_is_refused_and_a_reissue_revokes_the_old_code()
    {
        var guest = await app.ApprovedGuestAsync();
        var first = await app.IssueCodeAsync(guest);
        using var officer = await app.ClientForAsync(Roles.AccreditationOfficer);
        await (await officer.PostAsync($"/api/v1/access/guests/{guest}/credential", null)).AssertProblemAsync(409, AccessErrors.CredentialAlreadyIssued);

        var reissued = await (await officer.PostAsJsonAsync($"/api/v1/access/guests/{guest}/credential/reissue", new { reason = "Lost badge" }, Intents.Json))
            .OkAsync<CredentialView>();
        Assert.Equal(2, reissued.Sequence);
        var second = await app.CodeOfAsync(guest);
        Assert.NotEqual(first, second);

        Assert.Equal(ReasonCode.Revoked, (await app.ScanAsync(app.Venue.MainInToken, first)).Reason);
        Assert.True((await app.ScanAsync(app.Venue.MainInToken, second)).Admitted);
        var history = await (await officer.GetAsync($"/api/v1/access/guests/{guest}/credential")).OkAsync<GuestCredentials>();
        Assert.Equal(2, history.History.Count);
        Assert.Equal("Lost badge", history.History.Single(c => c.Sequence == 1).RevokedReason);
    }

    [Fact]
    public async Task A_revocation_needs_a_reason_and_takes_effect_at_the_next_scan()
    {
        var guest = await app.ApprovedGuestAsync();
        var code = await app.IssueCodeAsync(guest);
        using var officer = await app.ClientForAsync(Roles.AccreditationOfficer);
        await (await officer.PostAsJsonAsync($"/api/v1/access/guests/{guest}/credential/revoke", new { reason = " " }, Intents.Json))
            .AssertProblemAsync(422, ErrorCodes.RequestInvalid);
        await (await officer.PostAsJsonAsync($"/api/v1/access/guests/{guest}/credential/revoke", new { reason = "Badge reported stolen" }, Intents.Json))
            .OkAsync<CredentialView>();

        var scan = await app.ScanAsync(app.Venue.MainInToken, code);
        Assert.Equal(ReasonCode.Revoked, scan.Reason);
        Assert.Equal("通行码已作废", scan.MessageZh);
        Assert.Equal(guest, scan.Holder?.GuestId);
        await (await officer.GetAsync($"/api/v1/access/guests/{guest}/credential/code")).AssertProblemAsync(404, ErrorCodes.CredentialNone);
    }

    [Fact]
    public async Task Withdrawing_a_guest_revokes_the_credential()
    {
        var guest = await app.ApprovedGuestAsync();
        var code = await app.IssueCodeAsync(guest);
        using var officer = await app.ClientForAsync(Roles.AccreditationOfficer);
        await (await officer.PostAsJsonAsync($"/api/v1/guests/{guest}/status", new StatusChangeRequest(GuestStatus.Withdrawn, "Cancelled trip", null), Intents.Json))
            .OkAsync<GuestDetail>();
        Assert.Equal(ReasonCode.Revoked, (await app.ScanAsync(app.Venue.MainInToken, code)).Reason);
    }

    [Fact]
    public async Task A_new_category_reissues_the_code_with_the_new_zones()
    {
        var guest = await app.ApprovedGuestAsync();
        var code = await app.IssueCodeAsync(guest);
        using var officer = await app.ClientForAsync(Roles.AccreditationOfficer);
        await (await officer.PostAsJsonAsync($"/api/v1/guests/{guest}/category", new CategoryChangeRequest(app.Categories["VIP"].Id), Intents.Json))
            .OkAsync<GuestDetail>();

        var newCode = await app.CodeOfAsync(guest);
        Assert.NotEqual(code, newCode);
        Assert.Equal(ReasonCode.Revoked, (await app.ScanAsync(app.Venue.VipInToken, code)).Reason);
        Assert.True((await app.ScanAsync(app.Venue.VipInToken, newCode)).Admitted);
    }

    [Fact]
    public async Task Bulk_issue_covers_approved_guests_and_reports_the_others()
    {
        var approved = await app.ApprovedGuestAsync();
        var registered = await app.RegisteredGuestAsync();
        using var officer = await app.ClientForAsync(Roles.AccreditationOfficer);
        var result = await (await officer.PostAsJsonAsync("/api/v1/access/credentials/issue", new GuestSelection([approved, registered]), Intents.Json))
            .OkAsync<BulkResult>();
        Assert.Equal(1, result.Succeeded);
        Assert.Equal(AccessErrors.CredentialGuestNotApproved, Assert.Single(result.Refused).Code);
        Assert.Equal(GuestStatus.Accredited, await app.StatusOfAsync(approved));
    }

    [Fact]
    public async Task An_empty_selection_issues_nothing_and_mails_nobody()
    {
        // The attack: "{}" selected every approved guest of the event, issued them all a credential and mailed the codes.
        var approved = await app.ApprovedGuestAsync();
        var mailsBefore = await CredentialMailCountAsync();
        using var officer = await app.ClientForAsync(Roles.AccreditationOfficer);
        foreach (var body in new[] { "{}", """{"guestIds":[]}""", """{"guestIds":null,"categoryId":null,"delegationId":null}""" })
        {
            await (await officer.PostAsync("/api/v1/access/credentials/issue", new StringContent(body, System.Text.Encoding.UTF8, "application/json")))
                .AssertProblemAsync(422, AccessErrors.CredentialSelectionEmpty);
        }

        Assert.Equal(GuestStatus.Approved, await app.StatusOfAsync(approved));
        Assert.Equal(mailsBefore, await CredentialMailCountAsync());
        Assert.Equal(0, await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Credentials.CountAsync(c => c.GuestId == approved)));
    }

    [Fact]
    public async Task Rotating_keeps_old_codes_valid_and_retiring_refuses_them()
    {
        var guest = await app.ApprovedGuestAsync();
        var oldCode = await app.IssueCodeAsync(guest);
        using var admin = await app.ClientForAsync(Roles.Admin);
        var oldKey = (await (await admin.GetAsync("/api/v1/access/keys")).OkAsync<List<SigningKeyView>>()).Single(k => k.Status == SigningKeyStatus.Active);
        await (await admin.PostAsync($"/api/v1/access/keys/{oldKey.KeyId}/retire", null)).AssertProblemAsync(409, AccessErrors.SigningKeyActive);

        var newKey = await (await admin.PostAsync("/api/v1/access/keys/rotate", null)).OkAsync<SigningKeyView>();
        Assert.NotEqual(oldKey.KeyId, newKey.KeyId);
        var other = await app.ApprovedGuestAsync();
        var newCode = await app.IssueCodeAsync(other);
        Assert.True(CredentialCodec.TryDecode(newCode, out var payload, out _));
        Assert.Equal(newKey.KeyId, payload.KeyId);
        Assert.True((await app.ScanAsync(app.Venue.ForumInToken, oldCode)).Admitted);

        await (await admin.PostAsync($"/api/v1/access/keys/{oldKey.KeyId}/retire", null)).OkAsync<SigningKeyView>();
        var refused = await app.ScanAsync(app.Venue.ForumInToken, oldCode, GateDirection.Exit);
        Assert.Equal(ReasonCode.RetiredKey, refused.Reason);
        Assert.True((await app.ScanAsync(app.Venue.ForumInToken, newCode)).Admitted);

        // A reissue signs with the active key and opens the gates again.
        using var officer = await app.ClientForAsync(Roles.AccreditationOfficer);
        await (await officer.PostAsJsonAsync($"/api/v1/access/guests/{guest}/credential/reissue", new { reason = "Key retired" }, Intents.Json))
            .OkAsync<CredentialView>();
        Assert.True((await app.ScanAsync(app.Venue.ForumInToken, await app.CodeOfAsync(guest))).Admitted);
    }

    [Fact]
    public async Task Private_keys_are_encrypted_at_rest()
    {
        await app.IssueCodeAsync(await app.ApprovedGuestAsync());
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SummitDbContext>();
            var protector = sp.GetRequiredService<FieldProtector>();
            var key = await db.SigningKeys.AsNoTracking().FirstAsync(k => k.Status == SigningKeyStatus.Active);
            var raw = protector.Unprotect(key.EncryptedPrivateKey);
            Assert.Equal(32, raw.Length);
            Assert.Equal(-1, key.EncryptedPrivateKey.AsSpan().IndexOf(raw));
            using var imported = NSec.Cryptography.Key.Import(NSec.Cryptography.SignatureAlgorithm.Ed25519, raw, NSec.Cryptography.KeyBlobFormat.RawPrivateKey);
            Assert.Equal(key.PublicKey, imported.PublicKey.Export(NSec.Cryptography.KeyBlobFormat.RawPublicKey));
        });
    }

    [Fact]
    public async Task Credential_operations_are_for_accreditation_staff_and_keys_for_admins()
    {
        var guest = await app.ApprovedGuestAsync();
        using var gate = await app.ClientForAsync(Roles.GateOperator);
        Assert.Equal(HttpStatusCode.Forbidden, (await gate.PostAsync($"/api/v1/access/guests/{guest}/credential", null)).StatusCode);
        using var officer = await app.ClientForAsync(Roles.AccreditationOfficer);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsync("/api/v1/access/keys/rotate", null)).StatusCode);
    }

    private Task<int> CredentialMailCountAsync() =>
        app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().OutgoingMails.CountAsync());
}
