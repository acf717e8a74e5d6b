using MailKit.Security;
using MimeKit;
using Summit.Server.Infrastructure.Options;

namespace Summit.Server.Infrastructure.Mail;

/// <summary>Summit:Mail: who mail comes from, how it leaves (SMTP or the outbox folder) and the address its links point at.</summary>
public sealed class MailOptions : IValidatedOptions
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

    /// <summary>None, StartTls, StartTlsWhenAvailable, SslOnConnect or Auto.</summary>
    public string SmtpSecurity { get; set; } = "Auto";

    /// <summary>Where the outbox folder transport writes; empty means outbox/ in the data directory.</summary>
    public string OutboxDirectory { get; set; } = "";

    /// <summary>When false, queued mail leaves only when something calls <see cref="MailDispatcher.DispatchPendingAsync"/> (the tests).</summary>
    public bool DispatchInBackground { get; set; } = true;

    /// <summary>
    /// How long a dispatch round holds the messages it claimed, in seconds (default 300): far longer than sending 100 messages takes,
    /// short enough that the messages of a server process that died leave with little delay (docs/operations.md, several processes).
    /// </summary>
    public int ClaimLeaseSeconds { get; set; } = 300;

    public TimeSpan ClaimLease => TimeSpan.FromSeconds(ClaimLeaseSeconds);

    /// <summary>The security of the SMTP connection that <see cref="SmtpSecurity"/> names, if it names one.</summary>
    public SecureSocketOptions? SmtpSocketOptions =>
        Enum.TryParse<SecureSocketOptions>(SmtpSecurity, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;

    /// <summary>Settings with which no mail could be sent, or whose links would lead nowhere.</summary>
    public IEnumerable<string> Problems()
    {
        if (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
        {
            yield return $"Summit:Mail:PublicBaseUrl: '{PublicBaseUrl}' is not an absolute http or https address.";
        }

        if (!MailboxAddress.TryParse(FromAddress, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
        {
            yield return $"Summit:Mail:FromAddress: '{FromAddress}' is not a mail address.";
        }

        if (SmtpPort is < 1 or > 65535)
        {
            yield return "Summit:Mail:SmtpPort must be between 1 and 65535.";
        }

        if (ClaimLeaseSeconds is < 10 or > 86_400)
        {
            yield return "Summit:Mail:ClaimLeaseSeconds must be between 10 and 86400.";
        }

        if (SmtpSocketOptions is null)
        {
            yield return $"Summit:Mail:SmtpSecurity: '{SmtpSecurity}' is none of {string.Join(", ", Enum.GetNames<SecureSocketOptions>())}.";
        }
    }
}
