using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Summit.BrowserTests;

/// <summary>
/// Publishes readings as a sensor script would, with mosquitto_pub (Debian package mosquitto-clients) to the server's broker:
/// the payload and its HMAC-SHA256 signature are built here from the documented format (docs/screening/mqtt.md), not from
/// the server's code, so the test also holds the documentation to its word.
/// </summary>
public static class SensorPublisher
{
    public const string MosquittoPub = "mosquitto_pub";

    /// <summary>A signed reading: the signature covers "sensor|celsius|at|seq", the fields exactly as they appear in the JSON.</summary>
    public static string Payload(TestSensor sensor, double celsius, DateTimeOffset at, long seq)
    {
        var celsiusText = celsius.ToString("0.0##", CultureInfo.InvariantCulture);
        var atText = at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var seqText = seq.ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(sensor.Secret),
            Encoding.UTF8.GetBytes($"{sensor.Code}|{celsiusText}|{atText}|{seqText}")));
        return $"{{\"sensor\":\"{sensor.Code}\",\"celsius\":{celsiusText},\"at\":\"{atText}\",\"seq\":{seqText},\"sig\":\"{signature}\"}}";
    }

    /// <summary>Publishes one reading measured now (QoS 1, so it has reached the broker when this returns), logged in as the sensor.</summary>
    public static async Task PublishAsync(SummitServer server, TestSensor sensor, double celsius, long seq)
    {
        var arguments = new[]
        {
            "-h", "127.0.0.1", "-p", server.MqttPort.ToString(CultureInfo.InvariantCulture), "-q", "1", "-u", sensor.Code, "-P", sensor.Secret,
            "-i", sensor.Code, "-t", $"summit/v1/sensors/{sensor.Code}/readings",
            "-m", Payload(sensor, celsius, TimeProvider.System.GetUtcNow(), seq),
        };
        Process process;
        try
        {
            process = Process.Start(new ProcessStartInfo(MosquittoPub, arguments) { RedirectStandardError = true, UseShellExecute = false })
                ?? throw new InvalidOperationException("mosquitto_pub did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("mosquitto_pub is not installed: apt-get install -y mosquitto-clients (scripts/test.sh installs it).", ex);
        }

        using (process)
        {
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"mosquitto_pub failed ({process.ExitCode}): {error}");
        }
    }
}
