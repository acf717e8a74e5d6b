namespace Summit.Server.Infrastructure.Mail;

/// <summary>Holds the mail options resolved at start-up (outbox folder made absolute).</summary>
public sealed record MailOptionsAccessor(MailOptions Value);
