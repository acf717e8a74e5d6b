using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Summit.Access.Core;
using Summit.Access.Core.Sync;
using Summit.Server.Access.Devices;
using Summit.Server.Screening;
using Summit.Server.Screening.Sensors;
using static Summit.Tests.Infrastructure.Cluster.NodeClients;

namespace Summit.Tests.Infrastructure.Cluster;

/// <summary>
/// The rows of the multi-node trial's table (issue 15) that an API shows, with two real server processes on one database: each
/// change is made on one process and looked for on the other. (The live pages' pushes, which need a browser on the other process,
/// are tested with two servers in one test process: ClusterFeedsTests.)
/// </summary>
[Collection(TwoNodeCollection.Name)]
public sealed class CrossNodeTests(TwoNodeCluster cluster)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [PostgresFact]
    public async Task A_scan_made_on_node_b_is_counted_by_node_a_s_dashboard_its_gate_and_its_zone()
    {
        using var admin = await AdminAsync(cluster.A);
        var before = await DashboardAsync(admin);
        // A lane of the set-up that no other test scans at (devices 48-55 are SB-LANE-C's): its five-minute entry count is this test's.
        using var gate = Device(cluster.B, cluster.DeviceTokens[48]);

        var admitted = 0;
        foreach (var code in cluster.Codes.TakeLast(20))
        {
            var answer = await ScanAsync(gate, code);
            admitted += answer.GetProperty("reason").GetString() == "Admitted" ? 1 : 0;
        }

        // Before the change feed, node a's dashboard never counted node b's scans in its gate entries and learned its occupancy late.
        var after = await WaitForAsync(() => DashboardAsync(admin), board => board.GetProperty("scansCounted").GetInt64() >= Counted(before) + 20,
            "node a's dashboard to count node b's 20 scans");
        Assert.Equal(Counted(before) + 20, Counted(after));
        Assert.Equal(Entries(before, "SB-LANE-C") + admitted, Entries(after, "SB-LANE-C"));
        Assert.Equal(Inside(before, "SB-HALL") + admitted, Inside(after, "SB-HALL"));
    }

    [PostgresFact]
    public async Task A_device_revoked_on_node_a_is_refused_by_node_b_as_soon_as_the_signal_arrives_not_when_its_cache_expires()
    {
        using var admin = await AdminAsync(cluster.A);
        var enrolment = await (await admin.PostAsJsonAsync("/api/v1/access/devices", new DeviceInput("cross-node lane", await GateIdAsync(admin, "SB-IN-A"))))
            .Content.ReadFromJsonAsync<DeviceEnrolment>(Json);
        Assert.NotNull(enrolment);
        using var gate = Device(cluster.B, enrolment.Token);
        await ScanAsync(gate, cluster.Codes[30]);

        using (var revoked = await admin.PostAsync($"/api/v1/access/devices/{enrolment.Device.Id}/revoke", null))
        {
            Assert.True(revoked.IsSuccessStatusCode, await revoked.Content.ReadAsStringAsync());
        }

        // Node b knew the device (it had just answered it) and keeps what it knew for DeviceRegistry.Lifetime (15 s). The revocation
        // reaches it as a cluster signal, which is asynchronous: a scan sent in the same millisecond may still pass (CI once saw
        // that), so the test allows the signal's delivery, bounded well under the cache's lifetime.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var status = await WaitForAsync(async () =>
        {
            using var answer = await gate.PostAsJsonAsync("/api/v1/device/scans", new DeviceScanRequest(Guid.NewGuid(), cluster.Codes[31], Direction: GateDirection.Entry));
            return answer.StatusCode;
        }, s => s == HttpStatusCode.Unauthorized, "node b to refuse the revoked device", seconds: 5);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.True(watch.Elapsed < DeviceRegistry.Lifetime / 3, $"Refused after {watch.Elapsed}: that is the cache expiring, not the signal.");
    }

    [PostgresFact]
    public async Task A_threshold_lowered_on_node_a_holds_a_reading_taken_by_node_b_and_a_reading_replayed_to_node_b_counts_once()
    {
        using var admin = await AdminAsync(cluster.A);
        var gateId = await GateIdAsync(admin, "SB-LANE-A");
        var sensor = await (await admin.PostAsJsonAsync("/api/v1/screening/sensors", new SensorInput($"IR-X{Guid.NewGuid():N}"[..12], "Cross-node camera", gateId)))
            .Content.ReadFromJsonAsync<SensorEnrolment>(Json);
        Assert.NotNull(sensor);
        var threshold = await admin.GetFromJsonAsync<JsonElement>("/api/v1/screening/settings/threshold");
        var original = threshold.GetProperty("thresholdCelsius").GetDouble();
        Assert.True(original > 36.7, $"The demo's threshold is {original}; this test lowers it below 36.7.");

        using var brokerA = await SensorClientAsync(cluster.BrokerPortA, sensor);
        using var brokerB = await SensorClientAsync(cluster.BrokerPortB, sensor);
        try
        {
            // Node b reads at the old threshold first (and keeps it in its cache): 36.7 is no fever.
            await PublishAsync(brokerB, sensor, Reading(sensor, 36.7, 1));
            await WaitForAsync(() => StoredAsync(sensor), n => n == 1, "node b to store the first reading");
            Assert.Equal(0, await HoldsAsync(sensor));

            using (var lowered = await admin.PutAsJsonAsync("/api/v1/screening/settings/threshold", new ThresholdInput(36.0)))
            {
                Assert.True(lowered.IsSuccessStatusCode, await lowered.Content.ReadAsStringAsync());
            }

            // Lowered on node a: node b's next 36.7 is a fever and holds the lane (it kept 37.3 forever before).
            await PublishAsync(brokerB, sensor, Reading(sensor, 36.7, 2));
            await WaitForAsync(() => StoredAsync(sensor), n => n == 2, "node b to store the second reading");
            await WaitForAsync(() => HoldsAsync(sensor), n => n == 1, "node b to hold the lane at node a's threshold");

            // Accepted by node a, then the same signed message replayed to node b: stored once (the sequence lives in the database).
            var third = Reading(sensor, 36.4, 3);
            await PublishAsync(brokerA, sensor, third);
            await WaitForAsync(() => StoredAsync(sensor), n => n == 3, "node a to store the third reading");
            await PublishAsync(brokerB, sensor, third);
            await WaitForAsync(() => RefusedAsync(sensor), n => n == 1, "node b to refuse the replayed reading");
            Assert.Equal(3, await StoredAsync(sensor));
        }
        finally
        {
            using var restored = await admin.PutAsJsonAsync("/api/v1/screening/settings/threshold", new ThresholdInput(original));
            Assert.True(restored.IsSuccessStatusCode);
        }
    }

    private static long Counted(JsonElement board) => board.GetProperty("scansCounted").GetInt64();

    private static int Entries(JsonElement board, string gate) =>
        board.GetProperty("gates").EnumerateArray().Where(g => g.GetProperty("code").GetString() == gate).Sum(g => g.GetProperty("entries").GetInt32());

    private static int Inside(JsonElement board, string zone) =>
        board.GetProperty("zones").EnumerateArray().Single(z => z.GetProperty("code").GetString() == zone).GetProperty("inside").GetInt32();

    private static HttpClient Device(NodeProcess node, string token)
    {
        var http = new HttpClient { BaseAddress = new Uri(node.Url) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Device", token);
        return http;
    }

    private static async Task<JsonElement> ScanAsync(HttpClient gate, string code)
    {
        using var response = await gate.PostAsJsonAsync("/api/v1/device/scans", new DeviceScanRequest(Guid.NewGuid(), code, Direction: GateDirection.Entry));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task<JsonElement> DashboardAsync(HttpClient admin) => admin.GetFromJsonAsync<JsonElement>("/api/v1/operations/dashboard");

    private Task<long> StoredAsync(SensorEnrolment sensor) => NodeClients.StoredAsync(cluster.Database, sensor);

    private Task<long> HoldsAsync(SensorEnrolment sensor) => NodeClients.HoldsAsync(cluster.Database, sensor);

    private Task<long> RefusedAsync(SensorEnrolment sensor) => NodeClients.RefusedAsync(cluster.Database, sensor);
}
