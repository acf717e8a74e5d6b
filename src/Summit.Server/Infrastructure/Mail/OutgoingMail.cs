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

    /// <summary>
    /// The dispatch round (of any server process) that holds this message until <see cref="ClaimedUntil"/>: with several servers on one
    /// database, a message is sent by the round that claimed it, never by two. A claim left by a process that died lapses.
    /// </summary>
    public Guid? ClaimToken { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
    public List<MailImage> Images { get; set; } = [];
}
