namespace Summit.Tests.Infrastructure;

/// <summary>Without an SMTP host the server writes each message as an .eml file into the data folder's outbox.</summary>
public class OutboxMailTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task Without_an_smtp_host_mail_lands_in_the_outbox_folder()
    {
        var guest = await app.CreateGuestAsync();
        var token = await app.InviteAsync(guest.Id);

        Assert.Equal(1, await app.DispatchMailAsync());

        var message = await MailFiles.WaitForAsync(Path.Combine(app.DataDirectory, "outbox"), guest.Email);
        Assert.Equal("邀请函：测试峰会", message.Subject);
        Assert.Contains($"http://summit.test/portal/{token}", message.TextBody, StringComparison.Ordinal);
    }
}
