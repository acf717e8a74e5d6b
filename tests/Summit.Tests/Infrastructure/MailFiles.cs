using System.Diagnostics;
using MimeKit;

namespace Summit.Tests.Infrastructure;

public static class MailFiles
{
    /// <summary>Waits (at most 10 s) for an .eml file addressed to the given address (with the given subject) and returns it parsed.</summary>
    public static async Task<MimeMessage> WaitForAsync(string directory, string address, string? subject = null)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (Directory.Exists(directory))
            {
                foreach (var file in Directory.EnumerateFiles(directory, "*.eml"))
                {
                    var message = await MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase))
                        && (subject is null || message.Subject == subject))
                    {
                        return message;
                    }
                }
            }

            if (watch.Elapsed > TimeSpan.FromSeconds(10))
            {
                Assert.Fail($"No .eml file for {address} {subject} appeared in {directory} within 10 s.");
            }

            await Task.Delay(100);
        }
    }
}
