namespace Summit.Server.Infrastructure.Mail;

/// <summary>
/// A message waiting to be sent. Mail is written in the same transaction as the change that causes
/// it (the outbox pattern), so an invitation is never lost or sent for a change that rolled back.
/// </summary>
public sealed class OutgoingMail
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string ToAddress { get; set; } = "";
    public string ToName { get; set; } = "";
    public string Subject { get; set; } = "";
    public string TextBody { get; set; } = "";
    public string HtmlBody { get; set; } = "";
    public string Kind { get; set; } = "";
    public Guid? GuestId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public List<MailImage> Images { get; set; } = [];
}
