using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using MQTTnet;
using Summit.Server.Screening.Sensors;

namespace Summit.Tests.Screening;

/// <summary>
/// The same venue with Summit subscribed to a real Mosquitto (the Debian package) that this fixture starts on a free port, with the
/// configuration and ACL that docs/screening/mqtt.md documents (docs/screening/mosquitto/, only the port and the file paths changed):
/// Summit logs in with its own account, each sensor enrolled through <see cref="EnrolSensorAsync"/> is added to the password file with
/// its secret. The in-process broker is off. Fails with a clear message when mosquitto is not installed.
/// </summary>
public class MosquittoFactory : ScreeningFactory, IAsyncLifetime
{
    public const string MosquittoPath = "/usr/sbin/mosquitto";

    /// <summary>Summit's login in the documented ACL.</summary>
    public const string IngestLogin = "summit-ingest";

    private readonly int _port = FreePort();
    private readonly string _ingestPassword = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    private readonly string _configDirectory = Path.Combine(Path.GetTempPath(), "summit-mosquitto-" + Guid.NewGuid().ToString("N"));
    private readonly string _passwordFile;
    private readonly string _aclFile;
    private readonly Process _mosquitto;
    private int _stopped;

    public MosquittoFactory()
    {
        if (!File.Exists(MosquittoPath))
        {
            throw new InvalidOperationException(
                $"{MosquittoPath} is not installed: apt-get install -y mosquitto mosquitto-clients (scripts/test.sh installs it).");
        }

        Directory.CreateDirectory(_configDirectory);
        var documented = Path.Combine(RepositoryRoot(), "docs", "screening", "mosquitto");
        _passwordFile = Path.Combine(_configDirectory, "passwd");
        var acl = _aclFile = Path.Combine(_configDirectory, "acl");
        File.Copy(Path.Combine(documented, "acl"), acl);
        Run("mosquitto_passwd", "-c", "-b", _passwordFile, IngestLogin, _ingestPassword);
        var config = File.ReadAllText(Path.Combine(documented, "mosquitto.conf"));
        var local = config.Replace("listener 1883\n", $"listener {_port} 127.0.0.1\n", StringComparison.Ordinal)
            .Replace("/etc/mosquitto/summit/passwd", _passwordFile, StringComparison.Ordinal)
            .Replace("/etc/mosquitto/summit/acl", acl, StringComparison.Ordinal);
        if (local.Split('\n').Length != config.Split('\n').Length || !local.Contains(_passwordFile, StringComparison.Ordinal)
            || !local.Contains(acl, StringComparison.Ordinal) || !local.Contains($"listener {_port} ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("docs/screening/mosquitto/mosquitto.conf no longer has the lines this fixture adapts.");
        }

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
        WaitForPort(_port);
    }

    public override int BrokerPort => _port;

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Summit:Mqtt:Port"] = "0",
        ["Summit:Mqtt:BrokerHost"] = "127.0.0.1",
        ["Summit:Mqtt:BrokerPort"] = _port.ToString(CultureInfo.InvariantCulture),
        ["Summit:Mqtt:Username"] = IngestLogin,
        ["Summit:Mqtt:Password"] = _ingestPassword,
    };

    /// <summary>The most memory the broker process has held so far (VmHWM), in bytes.</summary>
    public long BrokerPeakMemory =>
        long.Parse(File.ReadLines($"/proc/{_mosquitto.Id}/status").Single(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)).Split(' ',
            StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;

    /// <summary>Enrols the sensor in Summit, then gives it its login on the broker, as an operator does after enrolment (docs/screening/mqtt.md).</summary>
    public override async Task<SensorEnrolment> EnrolSensorAsync(Guid gateId, string? code = null)
    {
        var enrolment = await base.EnrolSensorAsync(gateId, code);
        await AddLoginAsync(enrolment.Sensor.Code, enrolment.Secret);
        return enrolment;
    }

    /// <summary>
    /// Gives another Summit process its own login on the broker, as docs/screening/mqtt.md tells an operator to (a user line in the ACL
    /// like summit-ingest's, a password), and returns the settings that process logs in with.
    /// </summary>
    public async Task<Dictionary<string, string?>> AddIngestLoginAsync(string login)
    {
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        File.AppendAllText(_aclFile, $"\nuser {login}\ntopic read summit/v1/sensors/+/readings\n");
        await AddLoginAsync(login, password);
        var settings = new Dictionary<string, string?>(ExtraSettings)
        {
            ["Summit:Mqtt:Username"] = login,
            ["Summit:Mqtt:Password"] = password,
            ["Summit:Mqtt:ClientId"] = login,
        };
        return settings;
    }

    /// <summary>Adds a login to the password file and waits until Mosquitto, told to reload, lets it in.</summary>
    private async Task AddLoginAsync(string login, string password)
    {
        Run("mosquitto_passwd", "-b", _passwordFile, login, password);
        Run("kill", "-HUP", _mosquitto.Id.ToString(CultureInfo.InvariantCulture));
        // Mosquitto reloads its files on its next loop: wait until the login works.
        var watch = Stopwatch.StartNew();
        while (true)
        {
            using var probe = new MqttClientFactory().CreateMqttClient();
            var result = await probe.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(BrokerHost, BrokerPort).WithClientId(login)
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

    /// <summary>Publishes one message with the mosquitto_pub program, as a sensor script would.</summary>
    public async Task MosquittoPubAsync(SensorEnrolment sensor, string topic, string payload)
    {
        using var process = Process.Start(new ProcessStartInfo("mosquitto_pub",
            ["-h", "127.0.0.1", "-p", BrokerPort.ToString(CultureInfo.InvariantCulture), "-q", "1", "-u", sensor.Sensor.Code, "-P", sensor.Secret, "-t", topic,
                "-m", payload])
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("mosquitto_pub did not start (apt-get install -y mosquitto-clients).");
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"mosquitto_pub failed ({process.ExitCode}): {error}");
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
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

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Summit.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (Summit.slnx) above " + AppContext.BaseDirectory);
    }

    /// <summary>Waits (up to 20 s) until something listens on this loopback port: a broker or a balancer the tests started.</summary>
    internal static void WaitForPort(int port)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (watch.Elapsed < TimeSpan.FromSeconds(20))
            {
                Thread.Sleep(50);
            }
        }
    }
}
