using Summit.Server.Guests;
using Summit.Server.Guests.Contracts;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Access;

/// <summary>With issuing at approval switched off, the approval mail has no code, and issuing later sends its own mail.</summary>
public class CredentialMailWithoutIssuingAtApprovalTests(AccessFactory app) : IClassFixture<AccessFactory>
{
    [Fact]
    public async Task The_credential_mail_follows_the_approval_mail_when_issued_later()
    {
        var input = Intents.NewGuestInput();
        var (guest, _) = await app.RegisteredWithLinkAsync(input);
        Assert.Equal(GuestStatus.Approved, (await app.ApproveAsync(guest)).Status);
        var approval = Assert.Single(await app.MailsOfAsync(guest), m => m.Kind == MailComposer.ApprovalKind);
        Assert.Empty(approval.Images);

        var code = await app.IssueCodeAsync(guest);

        await app.DispatchMailAsync();
        var message = await MailFiles.WaitForAsync(Path.Combine(app.DataDirectory, "outbox"), input.Email, "您的入场通行证件");
        Assert.Equal(code, await CredentialMails.QrCodeOfAsync(message));
        Assert.Contains("您的入场通行证件已生成", message.TextBody, StringComparison.Ordinal);
    }
}
