using MimeKit;

namespace Summit.Server.Infrastructure.Mail;

public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}
