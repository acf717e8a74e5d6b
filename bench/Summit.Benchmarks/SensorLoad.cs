using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;
using Summit.Server.Screening.Ingestion;

namespace Summit.Benchmarks;

/// <summary>
/// Sensor ingestion through the broker (issue 4: at least 10,000 readings/s sustained, none lost):
/// <c>sensor-load --url U --broker-port P [--sensors S] [--rate R] [--seconds T] [--warmup W] [--email E] [--password W]</c>.
/// Signs in to a running Summit, enrols S sensors on its first gate, warms up for W seconds, publishes R readings a second for T seconds from S MQTT
/// clients (QoS 1: each is acknowledged by the broker), then waits until Summit's stored count stops moving and compares
/// published with stored. bench/sensor-load.sh starts the server and runs this.
/// </summary>
public static class SensorLoad
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(string[] args)
    {
        var url = Text(args, "--url", "http://127.0.0.1:5143");
        var brokerHost = Text(args, "--broker-host", "127.0.0.1");
        var brokerPort = CommandLine.Int(args, "--broker-port", 1883);
        var sensorCount = Math.Max(1, CommandLine.Int(args, "--sensors", 100));
        var warmup = Math.Max(0, CommandLine.Int(args, "--warmup", 10));
        var rate = Math.Max(1, CommandLine.Int(args, "--rate", 10_000));
        var seconds = Math.Max(1, CommandLine.Int(args, "--seconds", 30));
        var email = Text(args, "--email", "admin@summit.local");
        var password = Text(args, "--password", "Summit-Demo-2021");

        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
        var login = await Ok<JsonElement>(await http.PostAsJsonAsync("/api/v1/auth/login", new { email, password }));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("accessToken").GetString());
        var gates = await Ok<JsonElement>(await http.GetAsync("/api/v1/access/gates"));
        if (gates.GetArrayLength() == 0)
        {
            Console.Error.WriteLine("sensor-load: the server has no gate (start it with the demo)");
            return 1;
        }

        var gateId = gates[0].GetProperty("id").GetGuid();
        var run = Guid.NewGuid().ToString("N")[..6];
        var sensors = new List<(string Code, string Secret)>();
        for (var i = 0; i < sensorCount; i++)
        {
            var enrolment = await Ok<JsonElement>(await http.PostAsJsonAsync("/api/v1/screening/sensors",
                new { code = $"BENCH-{run}-{i}", name = "bench", gateId }));
            sensors.Add((enrolment.GetProperty("sensor").GetProperty("code").GetString()!, enrolment.GetProperty("secret").GetString()!));
        }

        var storedBefore = await StoredAsync(http);
        var total = (long)rate * seconds;
        // Connected first, so that the clock measures publishing only.
        var clients = new List<IMqttClient>();
        foreach (var sensor in sensors)
        {
            var client = new MqttClientFactory().CreateMqttClient();
            var connected = await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(brokerHost, brokerPort)
                .WithClientId(sensor.Code).WithCredentials(sensor.Code, sensor.Secret).Build());
            if (connected.ResultCode != MqttClientConnectResultCode.Success)
            {
                throw new InvalidOperationException($"The broker refused {sensor.Code}: {connected.ResultCode}");
            }

            clients.Add(client);
        }

        // A warm-up first, not counted: the server JIT-compiles its hot paths in its first seconds under load, as after any start.
        var sequences = new long[sensors.Count];
        if (warmup > 0)
        {
            Console.WriteLine($"warm-up: {warmup} s at {rate:N0}/s");
            var warmed = await PublishAsync(clients, sensors, sequences, rate, (long)rate * warmup, Stopwatch.StartNew());
            // The measured count starts once the warm-up's readings are all stored (or have stopped coming for 10 s).
            await WaitStoredAsync(http, storedBefore + warmed, Stopwatch.StartNew());
            storedBefore = await StoredAsync(http);
        }

        Console.WriteLine($"publishing {total:N0} readings from {sensorCount} sensors at {rate:N0}/s for {seconds} s to {brokerHost}:{brokerPort}");
        var clock = Stopwatch.StartNew();
        var published = await PublishAsync(clients, sensors, sequences, rate, total, clock);
        var publishSeconds = clock.Elapsed.TotalSeconds;

        // Stored keeps rising while Summit drains its queue; stop when it has all, or has not moved for 10 s.
        var stored = await WaitStoredAsync(http, storedBefore + published, clock) - storedBefore;
        var drainSeconds = clock.Elapsed.TotalSeconds;
        foreach (var client in clients)
        {
            await client.DisconnectAsync();
            client.Dispose();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"published:          {published:N0} in {publishSeconds:0.0} s ({published / publishSeconds:N0} readings/s)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stored:             {stored:N0} after {drainSeconds:0.0} s ({stored / drainSeconds:N0} readings/s end to end)"));
        Console.WriteLine($"lost:               {published - stored:N0}");
        Console.WriteLine(published == stored && published / publishSeconds >= rate * 0.98 ? "verdict:            PASS" : "verdict:            FAIL");
        return published == stored ? 0 : 1;
    }

    /// <summary>Publishes <paramref name="total"/> readings spread over the sensors at <paramref name="rate"/> a second; returns how many.</summary>
    /// <param name="sequences">Each sensor's last sequence number, carried on: Summit refuses a sequence it has seen (replay).</param>
    private static async Task<long> PublishAsync(List<IMqttClient> clients, List<(string Code, string Secret)> sensors, long[] sequences, int rate,
        long total, Stopwatch clock)
    {
        var published = 0L;
        await Task.WhenAll(sensors.Select(async (sensor, index) =>
        {
            var share = total / sensors.Count + (index < total % sensors.Count ? 1 : 0);
            var perSecond = (double)rate / sensors.Count;
            var client = clients[index];
            var topic = SensorMessages.TopicFor(sensor.Code);
            for (long n = 1; n <= share; n++)
            {
                // Paced: reading n leaves no earlier than n / rate seconds after the start.
                // One reading of the clock: read twice, the wait could turn negative between the test and the delay.
                var wait = TimeSpan.FromSeconds(n / perSecond) - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                var seq = ++sequences[index];
                var payload = SensorMessages.Payload(sensor.Code, sensor.Secret, 36.0 + (seq % 10) / 10.0, TimeProvider.System.GetUtcNow(), seq);
                await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
                Interlocked.Increment(ref published);
            }
        }));
        return published;
    }

    /// <summary>Waits until Summit has stored <paramref name="expected"/> readings since it started, or its count has not moved for 10 s.</summary>
    private static async Task<long> WaitStoredAsync(HttpClient http, long expected, Stopwatch clock)
    {
        var stored = await StoredAsync(http);
        var lastMove = clock.Elapsed;
        while (stored < expected && clock.Elapsed - lastMove < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(200);
            var now = await StoredAsync(http);
            if (now != stored)
            {
                stored = now;
                lastMove = clock.Elapsed;
            }
        }

        return stored;
    }

    private static async Task<long> StoredAsync(HttpClient http) =>
        (await Ok<JsonElement>(await http.GetAsync("/api/v1/screening/settings"))).GetProperty("storedSinceStart").GetInt64();

    private static Task<T> Ok<T>(HttpResponseMessage response) => CommandLine.OkAsync<T>(response, Json);

    private static string Text(string[] args, string name, string defaultValue) => CommandLine.Text(args, name, defaultValue);
}
