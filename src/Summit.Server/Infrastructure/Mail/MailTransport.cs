using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Summit.Server.Infrastructure.Mail;

public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>The embedded default: each message becomes an .eml file in the outbox folder.</summary>
public sealed class OutboxFolderTransport(MailOptionsAccessor options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        Directory.CreateDirectory(options.Value.OutboxDirectory);
        var safeId = new string((message.MessageId ?? Guid.NewGuid().ToString()).Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());
        var file = Path.Combine(options.Value.OutboxDirectory, $"{message.Date.UtcDateTime:yyyyMMdd-HHmmss}-{safeId}.eml");
        await message.WriteToAsync(file, ct);
    }
}

/// <summary>Real SMTP through MailKit, with STARTTLS or TLS as configured.</summary>
public sealed class SmtpTransport(MailOptionsAccessor options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var o = options.Value;
        using var client = new SmtpClient();
        var security = Enum.TryParse<SecureSocketOptions>(o.SmtpSecurity, true, out var parsed) ? parsed : SecureSocketOptions.Auto;
        await client.ConnectAsync(o.SmtpHost ?? "localhost", o.SmtpPort, security, ct);
        if (!string.IsNullOrEmpty(o.SmtpUser))
        {
            await client.AuthenticateAsync(o.SmtpUser, o.SmtpPassword ?? "", ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }
}
