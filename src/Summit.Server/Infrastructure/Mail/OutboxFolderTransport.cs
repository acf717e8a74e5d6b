using Microsoft.Extensions.Options;
using MimeKit;

namespace Summit.Server.Infrastructure.Mail;

/// <summary>The embedded default: each message becomes an .eml file in the outbox folder.</summary>
public sealed class OutboxFolderTransport(IOptions<MailOptions> options) : IMailTransport
{
    private const string TimeFormat = "yyyyMMdd-HHmmss";

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        Directory.CreateDirectory(options.Value.OutboxDirectory);
        var safeId = new string((message.MessageId ?? Guid.NewGuid().ToString()).Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());
        var file = Path.Combine(options.Value.OutboxDirectory, $"{message.Date.UtcDateTime.ToString(TimeFormat, System.Globalization.CultureInfo.InvariantCulture)}-{safeId}.eml");
        // Whole or not at all: a process killed while writing leaves a .tmp, never half a message that reads as sent.
        var partial = file + ".tmp";
        await message.WriteToAsync(partial, ct);
        File.Move(partial, file, overwrite: true);
    }

    /// <summary>
    /// The copies in an outbox folder, each with when its message was written and the id of the queued mail it came from (read
    /// back from the file name: "{time}-{mail id}_summit_local.eml"; null for a file of another kind).
    /// </summary>
    public static IEnumerable<(string Path, DateTimeOffset Written, Guid? MailId)> Copies(string directory)
    {
        if (!Directory.Exists(directory))
        {
            yield break;
        }

        foreach (var path in Directory.EnumerateFiles(directory, "*.eml"))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (name.Length < TimeFormat.Length + 2 || !DateTime.TryParseExact(name[..TimeFormat.Length], TimeFormat, System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var written))
            {
                continue;
            }

            var id = name[(TimeFormat.Length + 1)..].Split('_')[0];
            yield return (path, new DateTimeOffset(written, TimeSpan.Zero), Guid.TryParseExact(id, "N", out var mailId) ? mailId : null);
        }
    }
}
