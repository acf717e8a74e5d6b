using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Summit.Tests.Infrastructure;

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
