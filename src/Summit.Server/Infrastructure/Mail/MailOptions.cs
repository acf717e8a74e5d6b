namespace Summit.Server.Infrastructure.Mail;

public sealed class MailOptions
{
    /// <summary>Public base address used in links inside mail, for example https://summit.example.org; empty means the first --urls address.</summary>
    public string PublicBaseUrl { get; set; } = "";
    public string FromAddress { get; set; } = "secretariat@summit.local";
    public string FromName { get; set; } = "Summit Secretariat";

    /// <summary>SMTP host; when empty, mail is written as .eml files to the outbox folder.</summary>
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }

    /// <summary>None, StartTls, SslOnConnect or Auto.</summary>
    public string SmtpSecurity { get; set; } = "Auto";
    public string OutboxDirectory { get; set; } = "";
}
