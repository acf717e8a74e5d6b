using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Infrastructure.Mail;

/// <summary>Sends queued mail in the background and retries failures; a stuck SMTP server never blocks a user.</summary>
public sealed class MailDispatcher(IServiceScopeFactory scopes, IMailTransport transport, IOptions<MailOptions> options,
    TimeProvider clock, ILogger<MailDispatcher> logger) : BackgroundService
{
    public const int MaxAttempts = 8;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DispatchInBackground)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchPendingAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Mail dispatch round failed");
            }

            await Task.Delay(PollInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Sends every pending message once; returns how many were sent.</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SummitDbContext>();
        var pending = await db.OutgoingMails.Include(m => m.Images).Where(m => m.SentAt == null && m.Attempts < MaxAttempts)
            .OrderBy(m => m.CreatedAt).Take(100).ToListAsync(ct);
        var sent = 0;
        foreach (var mail in pending)
        {
            try
            {
                await transport.SendAsync(ToMime(mail), ct);
                mail.SentAt = clock.GetUtcNow();
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                mail.Attempts++;
                mail.LastError = ex.Message.Length > 500 ? ex.Message[..500] : ex.Message;
                logger.LogWarning("Mail {MailId} to {Address} failed (attempt {Attempt}): {Error}", mail.Id, mail.ToAddress, mail.Attempts, ex.Message);
            }

            await db.SaveChangesAsync(ct);
        }

        return sent;
    }

    private MimeMessage ToMime(OutgoingMail mail)
    {
        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        foreach (var image in mail.Images)
        {
            // A linked resource makes the HTML part multipart/related, where "cid:" references find it.
            var part = body.LinkedResources.Add(image.FileName, image.Content, ContentType.Parse(image.ContentType));
            part.ContentId = image.ContentId;
        }

        var message = new MimeMessage
        {
            Subject = mail.Subject,
            Date = mail.CreatedAt,
            MessageId = $"{mail.Id:N}@summit.local",
            Body = body.ToMessageBody(),
        };
        message.From.Add(new MailboxAddress(options.Value.FromName, options.Value.FromAddress));
        message.To.Add(new MailboxAddress(mail.ToName, mail.ToAddress));
        return message;
    }
}
