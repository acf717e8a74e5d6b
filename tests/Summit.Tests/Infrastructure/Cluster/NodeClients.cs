using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;
using Npgsql;
using Summit.Server.Screening.Ingestion;
using Summit.Server.Screening.Sensors;

namespace Summit.Tests.Infrastructure.Cluster;

/// <summary>What the multi-node tests do to server processes from outside: sign in over the REST API, play a sensor, read the database.</summary>
public static class NodeClients
{
    /// <summary>A client of this node signed in as the demo's administrator (bearer token).</summary>
    public static async Task<HttpClient> AdminAsync(NodeProcess node)
    {
        var http = new HttpClient { BaseAddress = new Uri(node.Url) };
        using var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { email = "admin@summit.local", password = "Summit-Demo-2021" });
        Assert.True(login.IsSuccessStatusCode, await login.Content.ReadAsStringAsync());
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public static async Task<Guid> GateIdAsync(HttpClient admin, string code) =>
        (await admin.GetFromJsonAsync<JsonElement>("/api/v1/access/gates")).EnumerateArray()
        .Single(g => g.GetProperty("code").GetString() == code).GetProperty("id").GetGuid();

    /// <summary>A reading signed as the sensor signs it, measured now.</summary>
    public static string Reading(SensorEnrolment sensor, double celsius, long seq) =>
        SensorMessages.Payload(sensor.Sensor.Code, sensor.Secret, celsius, TimeProvider.System.GetUtcNow(), seq);

    /// <summary>The sensor logged in to a broker on this loopback port under its own login.</summary>
    public static async Task<IMqttClient> SensorClientAsync(int port, SensorEnrolment sensor)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var result = await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port)
            .WithClientId(sensor.Sensor.Code).WithCredentials(sensor.Sensor.Code, sensor.Secret).Build());
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        return client;
    }

    public static Task PublishAsync(IMqttClient client, SensorEnrolment sensor, string payload) =>
        client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(SensorMessages.TopicFor(sensor.Sensor.Code)).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());

    public static Task<long> StoredAsync(string database, SensorEnrolment sensor) =>
        CountAsync(database, """SELECT count(*) FROM "SensorReadings" WHERE "SensorId" = @id""", sensor.Sensor.Id);

    public static Task<long> DistinctStoredAsync(string database, SensorEnrolment sensor) =>
        CountAsync(database, """SELECT count(DISTINCT "Sequence") FROM "SensorReadings" WHERE "SensorId" = @id""", sensor.Sensor.Id);

    public static Task<long> HoldsAsync(string database, SensorEnrolment sensor) =>
        CountAsync(database, """SELECT count(*) FROM "ScreeningHolds" WHERE "SensorId" = @id""", sensor.Sensor.Id);

    public static Task<long> RefusedAsync(string database, SensorEnrolment sensor) =>
        CountAsync(database, """SELECT coalesce(sum("Count"), 0)::bigint FROM "SensorRefusalCounts" WHERE "SensorId" = @id""", sensor.Sensor.Id);

    /// <summary>One bigint the query gives for this id, read straight from the cluster's database.</summary>
    public static async Task<long> CountAsync(string database, string sql, Guid id)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Reads until the value is done, for at most <paramref name="seconds"/>; fails naming what it waited for and what it last saw.</summary>
    public static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, int seconds = 30)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(seconds), $"Waited {seconds} s for {what}; last seen: {value}");
            await Task.Delay(50);
        }
    }
}
