using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Summit.Server.Screening.Sensors;

namespace Summit.Tests.Screening;

/// <summary>
/// The same venue with Summit subscribed to a real Mosquitto (<see cref="MosquittoBroker"/>, configured as docs/screening/mqtt.md
/// documents): Summit logs in with its own account, each sensor enrolled through <see cref="EnrolSensorAsync"/> is added to the password
/// file with its secret. The in-process broker is off.
/// </summary>
public class MosquittoFactory : ScreeningFactory, IAsyncLifetime
{
    /// <summary>Summit's login in the documented ACL.</summary>
    public const string IngestLogin = "summit-ingest";

    private readonly MosquittoBroker _broker = new();

    public override int BrokerPort => _broker.Port;

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Summit:Mqtt:Port"] = "0",
        ["Summit:Mqtt:BrokerHost"] = _broker.Host,
        ["Summit:Mqtt:BrokerPort"] = _broker.Port.ToString(CultureInfo.InvariantCulture),
        ["Summit:Mqtt:Username"] = IngestLogin,
        ["Summit:Mqtt:Password"] = _broker.IngestPassword,
    };

    /// <summary>The most memory the broker process has held so far (VmHWM), in bytes.</summary>
    public long BrokerPeakMemory => _broker.PeakMemory;

    /// <summary>Enrols the sensor in Summit, then gives it its login on the broker, as an operator does after enrolment (docs/screening/mqtt.md).</summary>
    public override async Task<SensorEnrolment> EnrolSensorAsync(Guid gateId, string? code = null)
    {
        var enrolment = await base.EnrolSensorAsync(gateId, code);
        await _broker.AddLoginAsync(enrolment.Sensor.Code, enrolment.Secret);
        return enrolment;
    }

    /// <summary>Gives another Summit process its own login on the broker and returns the settings that process logs in with.</summary>
    public async Task<Dictionary<string, string?>> AddIngestLoginAsync(string login) => new(ExtraSettings)
    {
        ["Summit:Mqtt:Username"] = login,
        ["Summit:Mqtt:Password"] = await _broker.AddIngestLoginAsync(login),
        ["Summit:Mqtt:ClientId"] = login,
    };

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
        await _broker.DisposeAsync();
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
