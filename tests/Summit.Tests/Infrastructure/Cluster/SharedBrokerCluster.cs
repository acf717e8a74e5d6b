using System.Globalization;
using Npgsql;
using Summit.Server.Screening;
using Summit.Tests.Screening;

namespace Summit.Tests.Infrastructure.Cluster;

/// <summary>
/// Two Summit server processes on one fresh PostgreSQL database and one Mosquitto, as docs/operations.md lays out sensors for several
/// nodes: no process runs its own broker; each logs in to Mosquitto under its own summit-ingest login and subscribes through one shared
/// subscription, so the broker hands each reading to one of them. Node a made the demo event; node b has a copy of a's data key.
/// Nothing is started without PostgreSQL (the tests are <see cref="PostgresFactAttribute"/>s).
/// </summary>
public sealed class SharedBrokerCluster : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "summit-shared-broker-" + Guid.NewGuid().ToString("N"));
    private readonly string _databaseName = "summit_shared_broker_" + Guid.NewGuid().ToString("N")[..12];

    public MosquittoBroker Broker { get; private set; } = null!;

    public NodeProcess A { get; private set; } = null!;

    public NodeProcess B { get; private set; } = null!;

    /// <summary>The connection string of the cluster's database.</summary>
    public string Database { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (SummitFactory.PostgresConnection is not { } postgres)
        {
            return;
        }

        Database = new NpgsqlConnectionStringBuilder(postgres) { Database = _databaseName }.ConnectionString;
        Broker = new MosquittoBroker();
        var dataA = Path.Combine(_root, "a");
        var dataB = Path.Combine(_root, "b");
        Directory.CreateDirectory(dataA);
        A = await NodeProcess.StartAsync("a", dataA, Database, ScreeningFactory.FreePort(),
            ["demo", "--no-live", "--guests", "120", .. await SharedBrokerAsync(MqttOptions.IngestLoginPrefix + "-a")]);
        NodeProcess.CopyDataKey(dataA, dataB);

        B = await NodeProcess.StartAsync("b", dataB, Database, ScreeningFactory.FreePort(),
            ["--Summit:Security:RequireAdminTwoFactor", "false", .. await SharedBrokerAsync(MqttOptions.IngestLoginPrefix + "-b")]);
    }

    public async Task DisposeAsync()
    {
        if (Database.Length == 0)
        {
            return;
        }

        foreach (var node in new[] { A, B }.Where(n => n is not null))
        {
            await node.DisposeAsync();
        }

        await Broker.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await SummitFactory.DropDatabaseAsync(SummitFactory.PostgresConnection!, _databaseName);
        Directory.Delete(_root, recursive: true);
    }

    /// <summary>A node's settings for the shared broker (docs/screening/mqtt.md, "Several Summit processes on one broker"), with its own login.</summary>
    private async Task<string[]> SharedBrokerAsync(string login) =>
    [
        "--Summit:Mqtt:Port", "0",
        "--Summit:Mqtt:BrokerHost", Broker.Host,
        "--Summit:Mqtt:BrokerPort", Broker.Port.ToString(CultureInfo.InvariantCulture),
        "--Summit:Mqtt:Username", login,
        "--Summit:Mqtt:Password", await Broker.AddIngestLoginAsync(login),
        "--Summit:Mqtt:ClientId", login,
        "--Summit:Mqtt:SharedGroup", "summit",
        "--Summit:Screening:ReorderWindow", "1000",
    ];
}
