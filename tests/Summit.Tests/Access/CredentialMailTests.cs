using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Access.Core;
using Summit.Server.Access;
using Summit.Server.Access.Credentials;
using Summit.Server.Guests;
using Summit.Server.Guests.Contracts;
using Summit.Server.Guests.Portal;
using Summit.Server.Infrastructure.Identity;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Access;

/// <summary>Approval gives an in-person guest their code at once, in the one approval mail; a reissue mails the new code.</summary>
public partial class CredentialMailTests(ApprovalIssuingFactory app) : IClassFixture<ApprovalIssuingFactory>
{
    private string Outbox => Path.Combine(app.DataDirectory, "outbox");

    [Fact]
    public async Task Approval_issues_the_credential_and_the_one_approval_mail_carries_its_qr()
    {
        var input = Intents.NewGuestInput();
        var (guest, _) = await app.RegisteredWithLinkAsync(input);

        Assert.Equal(GuestStatus.Accredited, (await app.ApproveAsync(guest)).Status);

        var code = await app.CodeOfAsync(guest);
        var mails = await app.MailsOfAsync(guest);
        Assert.Equal(["approval", "invitation"], mails.Select(m => m.Kind).Order());
        await app.DispatchMailAsync();
        var message = await MailFiles.WaitForAsync(Outbox, input.Email, "您的注册已获批准：入场通行码");
        Assert.Equal(code, await CredentialMails.QrCodeOfAsync(message));
        Assert.Contains("您的注册已获批准", message.TextBody, StringComparison.Ordinal);
        Assert.Contains(code, message.TextBody, StringComparison.Ordinal);
        Assert.Contains("MAIN (主会场), FORUM (分论坛厅)", message.TextBody, StringComparison.Ordinal);

        // The portal link in the mail shows the same code; the code opens the gate.
        var token = PortalLink().Match(message.TextBody!).Groups["token"].Value;
        using var anonymous = app.CreateClient();
        var view = await anonymous.GetFromJsonAsync<PortalView>($"/api/v1/portal/{token}", Intents.Json);
        Assert.Equal(code, view!.Pass?.Code);
        var scan = await app.ScanAsync(app.Venue.MainInToken, code);
        Assert.True(scan.Admitted, scan.Message);
    }

    [Fact]
    public async Task Bulk_approval_issues_the_credentials_too()
    {
        var (first, _) = await app.RegisteredWithLinkAsync(Intents.NewGuestInput());
        var (second, _) = await app.RegisteredWithLinkAsync(Intents.NewGuestInput(category: "VIP"));
        using var officer = await app.ClientForAsync(Roles.AccreditationOfficer);

        var result = await (await officer.PostAsJsonAsync("/api/v1/guests/approve", new GuestIdsRequest([first, second]), Intents.Json))
            .OkAsync<BulkResult>();

        Assert.Equal(2, result.Succeeded);
        foreach (var guest in new[] { first, second })
        {
            Assert.Equal(GuestStatus.Accredited, await app.StatusOfAsync(guest));
            var approval = Assert.Single(await app.MailsOfAsync(guest), m => m.Kind == MailComposer.ApprovalKind);
            Assert.Equal(MailComposer.QrContentId, Assert.Single(approval.Images).ContentId);
            Assert.Contains(await app.CodeOfAsync(guest), approval.TextBody, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_online_guest_is_approved_without_a_credential()
    {
        var input = Intents.NewGuestInput();
        input.ParticipationMode = "Online";
        var (guest, _) = await app.RegisteredWithLinkAsync(input);

        Assert.Equal(GuestStatus.Approved, (await app.ApproveAsync(guest)).Status);

        using var officer = await app.ClientForAsync(Roles.AccreditationOfficer);
        Assert.Null((await (await officer.GetAsync($"/api/v1/access/guests/{guest}/credential")).OkAsync<GuestCredentials>()).Active);
        var approval = Assert.Single(await app.MailsOfAsync(guest), m => m.Kind == MailComposer.ApprovalKind);
        Assert.Empty(approval.Images);
        Assert.Equal("您的注册已获批准", approval.Subject);
    }

    [Fact]
    public async Task A_reissue_mails_the_new_code_and_says_the_old_badge_no_longer_works()
    {
        var input = Intents.NewGuestInput();
        var (guest, _) = await app.RegisteredWithLinkAsync(input);
        await app.ApproveAsync(guest);
        var old = await app.CodeOfAsync(guest);
        using var officer = await app.ClientForAsync(Roles.AccreditationOfficer);

        await (await officer.PostAsJsonAsync($"/api/v1/access/guests/{guest}/credential/reissue", new ReissueRequest("Lost badge"), Intents.Json))
            .OkAsync<CredentialView>();

        var code = await app.CodeOfAsync(guest);
        await app.DispatchMailAsync();
        var message = await MailFiles.WaitForAsync(Outbox, input.Email, "您的新入场通行证件");
        Assert.Contains("原证件和原通行码已失效", message.TextBody, StringComparison.Ordinal);
        Assert.Equal(code, await CredentialMails.QrCodeOfAsync(message));
        Assert.DoesNotContain(old, message.TextBody, StringComparison.Ordinal);
        Assert.Equal(MailComposer.CredentialReissuedKind, Assert.Single(await app.MailsOfAsync(guest), m => m.Subject == message.Subject).Kind);
        Assert.Equal(ReasonCode.Revoked, (await app.ScanAsync(app.Venue.MainInToken, old)).Reason);
    }

    [GeneratedRegex(@"http://summit\.test/portal/(?<token>[A-Za-z0-9_-]+)")]
    private static partial Regex PortalLink();
}
