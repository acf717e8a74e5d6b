using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using MQTTnet;

namespace Summit.Tests.Screening;

/// <summary>
/// A real Mosquitto (the Debian package) on a free loopback port, with the configuration and ACL that docs/screening/mqtt.md
/// documents (docs/screening/mosquitto/, only the port and the file paths changed), and the logins an operator adds: Summit's
/// processes and each enrolled sensor. Fails with a clear message when mosquitto is not installed.
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    public const string MosquittoPath = "/usr/sbin/mosquitto";

    private readonly string _configDirectory = Path.Combine(Path.GetTempPath(), "summit-mosquitto-" + Guid.NewGuid().ToString("N"));
    private readonly string _passwordFile;
    private readonly string _aclFile;
    private readonly Process _mosquitto;
    private int _stopped;

    public MosquittoBroker()
    {
        if (!File.Exists(MosquittoPath))
        {
            throw new InvalidOperationException(
                $"{MosquittoPath} is not installed: apt-get install -y mosquitto mosquitto-clients (scripts/test.sh installs it).");
        }

        Directory.CreateDirectory(_configDirectory);
        var documented = Path.Combine(MosquittoFactory.RepositoryRoot(), "docs", "screening", "mosquitto");
        _passwordFile = Path.Combine(_configDirectory, "passwd");
        _aclFile = Path.Combine(_configDirectory, "acl");
        File.Copy(Path.Combine(documented, "acl"), _aclFile);
        var config = File.ReadAllText(Path.Combine(documented, "mosquitto.conf"));
        var local = config.Replace("listener 1883\n", $"listener {Port} 127.0.0.1\n", StringComparison.Ordinal)
            .Replace("/etc/mosquitto/summit/passwd", _passwordFile, StringComparison.Ordinal)
            .Replace("/etc/mosquitto/summit/acl", _aclFile, StringComparison.Ordinal);
        if (local.Split('\n').Length != config.Split('\n').Length || !local.Contains(_passwordFile, StringComparison.Ordinal)
            || !local.Contains(_aclFile, StringComparison.Ordinal) || !local.Contains($"listener {Port} ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("docs/screening/mosquitto/mosquitto.conf no longer has the lines this fixture adapts.");
        }

        // The documented ACL already names summit-ingest; its password file starts with that login.
        Run("mosquitto_passwd", "-c", "-b", _passwordFile, MosquittoFactory.IngestLogin, IngestPassword);
        var configFile = Path.Combine(_configDirectory, "mosquitto.conf");
        File.WriteAllText(configFile, local + "log_dest stderr\n");
        _mosquitto = Process.Start(new ProcessStartInfo(MosquittoPath, ["-c", configFile])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("mosquitto did not start.");
        _mosquitto.ErrorDataReceived += (_, _) => { };
        _mosquitto.BeginErrorReadLine();
        _mosquitto.BeginOutputReadLine();
        MosquittoFactory.WaitForPort(Port);
    }

    public string Host => "127.0.0.1";

    public int Port { get; } = ScreeningFactory.FreePort();

    /// <summary>The password of the documented summit-ingest login.</summary>
    public string IngestPassword { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    /// <summary>The most memory the broker process has held so far (VmHWM), in bytes.</summary>
    public long PeakMemory =>
        long.Parse(File.ReadLines($"/proc/{_mosquitto.Id}/status").Single(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)).Split(' ',
            StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;

    /// <summary>
    /// Gives another Summit process its own login, as docs/screening/mqtt.md tells an operator to (a user line in the ACL like
    /// summit-ingest's, a password); returns the password.
    /// </summary>
    public async Task<string> AddIngestLoginAsync(string login)
    {
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        await File.AppendAllTextAsync(_aclFile, $"\nuser {login}\ntopic read summit/v1/sensors/+/readings\n");
        await AddLoginAsync(login, password);
        return password;
    }

    /// <summary>Adds a login to the password file and waits until Mosquitto, told to reload, lets it in.</summary>
    public async Task AddLoginAsync(string login, string password)
    {
        Run("mosquitto_passwd", "-b", _passwordFile, login, password);
        Run("kill", "-HUP", _mosquitto.Id.ToString(CultureInfo.InvariantCulture));
        // Mosquitto reloads its files on its next loop: wait until the login works.
        var watch = Stopwatch.StartNew();
        while (true)
        {
            using var probe = new MqttClientFactory().CreateMqttClient();
            var result = await probe.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(Host, Port).WithClientId(login)
                .WithCredentials(login, password).Build());
            if (result.ResultCode == MqttClientConnectResultCode.Success)
            {
                await probe.DisconnectAsync();
                return;
            }

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"Mosquitto did not take the login of {login}: {result.ResultCode}");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        if (!_mosquitto.HasExited)
        {
            _mosquitto.Kill();
            await _mosquitto.WaitForExitAsync();
        }

        _mosquitto.Dispose();
        Directory.Delete(_configDirectory, recursive: true);
    }

    private static void Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true, UseShellExecute = false })
            ?? throw new InvalidOperationException($"{program} did not start.");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {error}");
        }
    }
}
