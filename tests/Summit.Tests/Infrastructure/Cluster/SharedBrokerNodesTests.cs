using System.Net.Http.Json;
using System.Text.Json;
using MQTTnet;
using Summit.Server.Screening.Sensors;
using static Summit.Tests.Infrastructure.Cluster.NodeClients;

namespace Summit.Tests.Infrastructure.Cluster;

/// <summary>
/// The last row of the multi-node trial's table (issue 15), with server processes: each process ran its own broker, so a sensor
/// belonged to one process and its readings stopped when that process died. On one Mosquitto with a shared subscription both processes
/// take a sensor's readings, each is stored once, and after a kill -9 the process left takes every reading.
/// </summary>
public sealed class SharedBrokerNodesTests(SharedBrokerCluster cluster) : IClassFixture<SharedBrokerCluster>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [PostgresFact]
    public async Task Two_processes_on_one_mosquitto_share_a_sensors_readings_each_stored_once_and_the_one_left_after_a_kill_takes_them_all()
    {
        using var adminA = await AdminAsync(cluster.A);
        using var adminB = await AdminAsync(cluster.B);
        var gateId = (await adminA.GetFromJsonAsync<JsonElement>("/api/v1/access/gates")).EnumerateArray().First().GetProperty("id").GetGuid();
        var sensor = await (await adminA.PostAsJsonAsync("/api/v1/screening/sensors", new SensorInput($"IR-S{Guid.NewGuid():N}"[..12], "Shared broker camera", gateId)))
            .Content.ReadFromJsonAsync<SensorEnrolment>(Json);
        Assert.NotNull(sensor);
        await cluster.Broker.AddLoginAsync(sensor.Sensor.Code, sensor.Secret);
        var storedBefore = await StoredByAsync(adminA) + await StoredByAsync(adminB);

        await PublishAsync(sensor, 1, 200);
        await WaitForAsync(() => StoredAsync(cluster.Database, sensor), n => n == 200, "both nodes to store the first 200 readings", seconds: 60);
        var (byA, byB) = (await StoredByAsync(adminA), await StoredByAsync(adminB));
        Assert.True(byA > 0 && byB > 0, $"Mosquitto handed every reading to one process: {byA} stored by node a, {byB} by node b.");
        Assert.Equal(200, byA + byB - storedBefore);

        // kill -9 of node b: nothing shuts down, its connection to the broker is cut. Every further reading goes to node a.
        await cluster.B.KillAsync();
        await PublishAsync(sensor, 201, 300);
        await WaitForAsync(() => StoredAsync(cluster.Database, sensor), n => n == 300, "node a to store the 100 readings after node b died", seconds: 60);

        // Nothing arrives late: each reading was stored once, none refused, and the sensor's latest number is the last one sent.
        await Task.Delay(500);
        Assert.Equal(300, await StoredAsync(cluster.Database, sensor));
        Assert.Equal(300, await DistinctStoredAsync(cluster.Database, sensor));
        Assert.Equal(0, await RefusedAsync(cluster.Database, sensor));
        Assert.Equal(300, await CountAsync(cluster.Database, """SELECT "LastSequence" FROM "Sensors" WHERE "Id" = @id""", sensor.Sensor.Id));
    }

    /// <summary>How many readings this process has stored since it started (each process counts its own).</summary>
    private static async Task<long> StoredByAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<JsonElement>("/api/v1/screening/settings")).GetProperty("storedSinceStart").GetInt64();

    private async Task PublishAsync(SensorEnrolment sensor, long from, long to)
    {
        using var client = await SensorClientAsync(cluster.Broker.Port, sensor);
        for (var seq = from; seq <= to; seq++)
        {
            await NodeClients.PublishAsync(client, sensor, Reading(sensor, 36.5, seq));
        }

        await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build());
    }
}
