using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server.Infrastructure.Database;
using Summit.Tests.Access;

namespace Summit.Tests.Infrastructure;

/// <summary>Invitations go out through a real SMTP server and arrive as the guest should read them.</summary>
public class SmtpMailTests(SmtpMailTests.SmtpSummitFactory app) : IClassFixture<SmtpMailTests.SmtpSummitFactory>
{
    [Theory]
    [InlineData("zh-Hans", "邀请函：测试峰会")]
    [InlineData("en", "Invitation: Test Summit")]
    public async Task An_invitation_arrives_by_smtp_in_the_guest_language(string language, string subject)
    {
        var input = Intents.NewGuestInput();
        input.Language = language;
        var guest = await app.CreateGuestAsync(input);
        var token = await app.InviteAsync(guest.Id);

        Assert.True(await app.DispatchMailAsync() >= 1);

        var message = await MailFiles.WaitForAsync(app.Smtp.Directory, guest.Email);
        Assert.Equal(guest.Email, Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal(subject, message.Subject);
        var link = $"http://summit.test/portal/{token}";
        Assert.Contains(link, message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{link}\"", message.HtmlBody, StringComparison.Ordinal);
        var sent = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().OutgoingMails.SingleAsync(m => m.GuestId == guest.Id));
        Assert.NotNull(sent.SentAt);
    }

    [Fact]
    public async Task An_approval_arrives_by_smtp_with_the_credential_qr_inline()
    {
        var input = Intents.NewGuestInput();
        var (guest, _) = await app.RegisteredWithLinkAsync(input);
        await app.ApproveAsync(guest);
        var code = await app.CodeOfAsync(guest);

        Assert.True(await app.DispatchMailAsync() >= 2);

        var message = await MailFiles.WaitForAsync(app.Smtp.Directory, input.Email, "您的注册已获批准：入场通行码");
        Assert.Equal(code, await CredentialMails.QrCodeOfAsync(message));
        Assert.Contains(code, message.TextBody, StringComparison.Ordinal);
    }

    /// <summary>The server configured for SMTP at the capture server of the test script, or one this fixture starts.</summary>
    public sealed class SmtpSummitFactory : SummitFactory
    {
        private SmtpCapture? _smtp;

        public SmtpCapture Smtp => _smtp ??= SmtpCapture.Connect();

        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Summit:Mail:SmtpHost"] = Smtp.Host,
            ["Summit:Mail:SmtpPort"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Summit:Mail:SmtpSecurity"] = "None",
        };

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            // Called twice by xunit (DisposeAsync, then Dispose): stop the capture server once.
            if (disposing)
            {
                _smtp?.Dispose();
                _smtp = null;
            }
        }
    }
}
