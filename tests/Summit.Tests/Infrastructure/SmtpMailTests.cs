using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Summit.Server.Infrastructure.Database;
using Summit.Tests.Access;

namespace Summit.Tests.Infrastructure;

/// <summary>Invitations go out through a real SMTP server and arrive as the guest should read them.</summary>
public class SmtpMailTests(SmtpMailTests.SmtpSummitFactory app) : IClassFixture<SmtpMailTests.SmtpSummitFactory>
{
    [Theory]
    [InlineData("zh-Hans", "邀请函：测试峰会")]
    [InlineData("en", "Invitation: Test Summit")]
    public async Task An_invitation_arrives_by_smtp_in_the_guest_language(string language, string subject)
    {
        var input = Intents.NewGuestInput();
        input.Language = language;
        var guest = await app.CreateGuestAsync(input);
        var token = await app.InviteAsync(guest.Id);

        Assert.True(await app.DispatchMailAsync() >= 1);

        var message = await MailFiles.WaitForAsync(app.Smtp.Directory, guest.Email);
        Assert.Equal(guest.Email, Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal(subject, message.Subject);
        var link = $"http://summit.test/portal/{token}";
        Assert.Contains(link, message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{link}\"", message.HtmlBody, StringComparison.Ordinal);
        var sent = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().OutgoingMails.SingleAsync(m => m.GuestId == guest.Id));
        Assert.NotNull(sent.SentAt);
    }

    [Fact]
    public async Task An_approval_arrives_by_smtp_with_the_credential_qr_inline()
    {
        var input = Intents.NewGuestInput();
        var (guest, _) = await app.RegisteredWithLinkAsync(input);
        await app.ApproveAsync(guest);
        var code = await app.CodeOfAsync(guest);

        Assert.True(await app.DispatchMailAsync() >= 2);

        var message = await MailFiles.WaitForAsync(app.Smtp.Directory, input.Email, "您的注册已获批准：入场通行码");
        Assert.Equal(code, await CredentialMails.QrCodeOfAsync(message));
        Assert.Contains(code, message.TextBody, StringComparison.Ordinal);
    }

    /// <summary>The server configured for SMTP at the capture server of the test script, or one this fixture starts.</summary>
    public sealed class SmtpSummitFactory : SummitFactory
    {
        private SmtpCapture? _smtp;

        public SmtpCapture Smtp => _smtp ??= SmtpCapture.Connect();

        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Summit:Mail:SmtpHost"] = Smtp.Host,
            ["Summit:Mail:SmtpPort"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Summit:Mail:SmtpSecurity"] = "None",
        };

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            // Called twice by xunit (DisposeAsync, then Dispose): stop the capture server once.
            if (disposing)
            {
                _smtp?.Dispose();
                _smtp = null;
            }
        }
    }
}

/// <summary>Without an SMTP host the server writes each message as an .eml file into the data folder's outbox.</summary>
public class OutboxMailTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task Without_an_smtp_host_mail_lands_in_the_outbox_folder()
    {
        var guest = await app.CreateGuestAsync();
        var token = await app.InviteAsync(guest.Id);

        Assert.Equal(1, await app.DispatchMailAsync());

        var message = await MailFiles.WaitForAsync(Path.Combine(app.DataDirectory, "outbox"), guest.Email);
        Assert.Equal("邀请函：测试峰会", message.Subject);
        Assert.Contains($"http://summit.test/portal/{token}", message.TextBody, StringComparison.Ordinal);
    }
}

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

/// <summary>
/// The SMTP server the mail tests send to: scripts/smtp-capture.py, which writes every message it accepts as
/// an .eml file. ./scripts/test.sh runs one and says where (SUMMIT_TEST_SMTP, SUMMIT_TEST_SMTP_DIR); otherwise
/// this starts its own on a free port when python3 with aiosmtpd is at hand.
/// </summary>
public sealed class SmtpCapture : IDisposable
{
    private readonly Process? _process;

    private SmtpCapture(string host, int port, string directory, Process? process)
    {
        Host = host;
        Port = port;
        Directory = directory;
        _process = process;
    }

    public string Host { get; }
    public int Port { get; }
    public string Directory { get; }

    public static SmtpCapture Connect()
    {
        if (Environment.GetEnvironmentVariable("SUMMIT_TEST_SMTP") is { Length: > 0 } endpoint)
        {
            var directory = Environment.GetEnvironmentVariable("SUMMIT_TEST_SMTP_DIR") is { Length: > 0 } d ? d
                : throw new InvalidOperationException("SUMMIT_TEST_SMTP is set but SUMMIT_TEST_SMTP_DIR (the folder smtp-capture.py writes to) is not.");
            var colon = endpoint.LastIndexOf(':');
            return colon > 0 && int.TryParse(endpoint[(colon + 1)..], out var port)
                ? new SmtpCapture(endpoint[..colon], port, directory, null)
                : throw new InvalidOperationException($"SUMMIT_TEST_SMTP must be host:port, not '{endpoint}'.");
        }

        return Start();
    }

    private static SmtpCapture Start()
    {
        var script = Path.Combine(RepositoryRoot(), "scripts", "smtp-capture.py");
        var python = new[] { "/usr/bin/python3", "python3" }.FirstOrDefault(HasAiosmtpd) ?? throw new InvalidOperationException(
            "The SMTP tests need a real SMTP server. Run them through ./scripts/test.sh (it starts one), or install python3-aiosmtpd "
            + "(apt-get install python3-aiosmtpd), or start `scripts/smtp-capture.py DIR --port N` yourself and set "
            + "SUMMIT_TEST_SMTP=127.0.0.1:N and SUMMIT_TEST_SMTP_DIR=DIR.");
        var directory = Path.Combine(Path.GetTempPath(), "summit-smtp", Guid.NewGuid().ToString("N"));
        var port = FreePort();
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { script, directory, "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        var watch = Stopwatch.StartNew();
        while (!Accepts(port))
        {
            if (process.HasExited || watch.Elapsed > TimeSpan.FromSeconds(10))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                throw new InvalidOperationException($"scripts/smtp-capture.py did not start on port {port}: {process.StandardError.ReadToEnd()}");
            }

            Thread.Sleep(100);
        }

        return new SmtpCapture("127.0.0.1", port, directory, process);
    }

    public void Dispose()
    {
        if (_process is null)
        {
            return;
        }

        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // No mail was sent.
        }
    }

    private static bool HasAiosmtpd(string python)
    {
        try
        {
            using var check = Process.Start(new ProcessStartInfo(python, ["-c", "import aiosmtpd"])
            {
                RedirectStandardError = true,
                UseShellExecute = false,
            })!;
            check.WaitForExit();
            return check.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static bool Accepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Summit.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (Summit.slnx) above " + AppContext.BaseDirectory);
    }
}
