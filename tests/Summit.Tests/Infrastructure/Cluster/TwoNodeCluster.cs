using System.Diagnostics;
using System.Text.RegularExpressions;
using Npgsql;
using Summit.Tests.Screening;

namespace Summit.Tests.Infrastructure.Cluster;

/// <summary>
/// Two Summit server processes on one fresh PostgreSQL database behind HAProxy, as docs/operations.md lays them out: node a made
/// the demo event (120 guests, no live morning), node b runs on the same database with a copy of a's data key. The gates, devices
/// and credentials are set up through the balancer by the scan benchmark's set-up (bench/scan-load-setup.py, REST API only).
/// Nothing is started without PostgreSQL (the tests are <see cref="PostgresFactAttribute"/>s).
/// </summary>
public sealed partial class TwoNodeCluster : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "summit-cluster-" + Guid.NewGuid().ToString("N"));
    private readonly string _databaseName = "summit_cluster_" + Guid.NewGuid().ToString("N")[..12];
    private readonly int _portB = ScreeningFactory.FreePort();

    /// <summary>Each node's own in-process MQTT broker (the single-node default), on which a test plays a sensor.</summary>
    public int BrokerPortA { get; } = ScreeningFactory.FreePort();

    public int BrokerPortB { get; } = ScreeningFactory.FreePort();

    public NodeProcess A { get; private set; } = null!;

    public NodeProcess B { get; private set; } = null!;

    public Balancer Balancer { get; private set; } = null!;

    /// <summary>The connection string of the cluster's database.</summary>
    public string Database { get; private set; } = "";

    public IReadOnlyList<string> Codes { get; private set; } = [];

    public IReadOnlyList<string> DeviceTokens { get; private set; } = [];

    /// <summary>How long the nodes' mail rounds hold what they claimed (5 minutes by default): short, so that a test sees a dead node's claims lapse.</summary>
    public static readonly TimeSpan MailClaimLease = TimeSpan.FromSeconds(15);

    private static readonly string[] MailLease = ["--Summit:Mail:ClaimLeaseSeconds", MailClaimLease.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)];

    private string DataB => Path.Combine(_root, "b");

    /// <summary>Where a node writes the mail it sends (the outbox folder transport, in its data folder).</summary>
    public string OutboxOf(NodeProcess node) => Path.Combine(_root, node.Name, "outbox");

    public async Task InitializeAsync()
    {
        if (SummitFactory.PostgresConnection is not { } postgres)
        {
            return;
        }

        Database = new NpgsqlConnectionStringBuilder(postgres) { Database = _databaseName }.ConnectionString;
        var dataA = Path.Combine(_root, "a");
        Directory.CreateDirectory(dataA);
        A = await NodeProcess.StartAsync("a", dataA, Database, ScreeningFactory.FreePort(), ["demo", "--no-live", "--guests", "120", .. MailLease, .. Broker(BrokerPortA)]);
        NodeProcess.CopyDataKey(dataA, DataB);

        B = await StartBAsync();
        Balancer = await Balancer.StartAsync(ScreeningFactory.FreePort(), new Uri(A.Url), new Uri(B.Url));
        await SetUpGatesAsync();
    }

    /// <summary>Starts node b (again, after it was killed) and waits until the balancer sends it requests.</summary>
    public async Task<NodeProcess> RestartBAsync()
    {
        await B.DisposeAsync();
        B = await StartBAsync();
        return B;
    }

    public async Task DisposeAsync()
    {
        if (Database.Length == 0)
        {
            return;
        }

        if (Balancer is not null)
        {
            await Balancer.DisposeAsync();
        }

        foreach (var node in new[] { A, B }.Where(n => n is not null))
        {
            await node.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        await SummitFactory.DropDatabaseAsync(SummitFactory.PostgresConnection!, _databaseName);
        Directory.Delete(_root, recursive: true);
    }

    // Configured as the demo configures node a (every node of a deployment has the same settings): the demo's admin has no second factor.
    private Task<NodeProcess> StartBAsync() => NodeProcess.StartAsync("b", DataB, Database, _portB, ["--Summit:Security:RequireAdminTwoFactor", "false", .. MailLease, .. Broker(BrokerPortB)]);

    private static string[] Broker(int port) => ["--Summit:Mqtt:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)];

    private async Task SetUpGatesAsync()
    {
        var dataFile = Path.Combine(_root, "gates.lua");
        using var setup = Process.Start(new ProcessStartInfo("python3",
            [Path.Combine(MosquittoFactory.RepositoryRoot(), "bench", "scan-load-setup.py"), Balancer.Url, dataFile, "Soft"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("python3 did not start.");
        var output = setup.StandardOutput.ReadToEndAsync();
        var error = await setup.StandardError.ReadToEndAsync();
        await setup.WaitForExitAsync();
        if (setup.ExitCode != 0)
        {
            throw new InvalidOperationException($"bench/scan-load-setup.py failed ({setup.ExitCode}): {error} {await output}");
        }

        var data = await File.ReadAllTextAsync(dataFile);
        Codes = [.. CodeLine().Matches(data).Select(m => m.Groups[1].Value)];
        DeviceTokens = [.. TokenLine().Matches(data).Select(m => m.Groups[1].Value)];
        Assert.True(Codes.Count > 50 && DeviceTokens.Count == 64, $"The set-up gave {Codes.Count} codes and {DeviceTokens.Count} devices: {await output}");
    }

    [GeneratedRegex("^    \"([^\"]+)\",$", RegexOptions.Multiline)]
    private static partial Regex CodeLine();

    [GeneratedRegex("token = \"([^\"]+)\"")]
    private static partial Regex TokenLine();
}
