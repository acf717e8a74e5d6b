using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Npgsql;

namespace Summit.BrowserTests;

/// <summary>
/// Two Summit server processes on one fresh PostgreSQL database, as docs/operations.md runs several nodes: node a made the demo (120
/// guests, no live morning), node b shares its database and its data key. A page is opened on one and the change made on the other.
/// Started only when SUMMIT_BROWSER_POSTGRES names a PostgreSQL server (./scripts/test.sh sets it); the tests skip otherwise.
/// </summary>
public sealed class TwoNodes : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "summit-two-nodes-" + Guid.NewGuid().ToString("N"));
    private readonly string _database = "summit_browser_nodes_" + Guid.NewGuid().ToString("N")[..12];
    private readonly ConcurrentQueue<string> _log = new();
    private readonly List<Process> _nodes = [];

    public static string? Postgres => Environment.GetEnvironmentVariable("SUMMIT_BROWSER_POSTGRES") is { Length: > 0 } connection ? connection : null;

    public string UrlA { get; private set; } = "";

    public string UrlB { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (Postgres is not { } postgres)
        {
            return;
        }

        var database = new NpgsqlConnectionStringBuilder(postgres) { Database = _database }.ConnectionString;
        var dataA = Path.Combine(_root, "a");
        var dataB = Path.Combine(_root, "b");
        Directory.CreateDirectory(dataA);
        UrlA = await StartAsync("a", dataA, database, ["demo", "--no-live", "--guests", "120"]);
        // Every node reads and writes the same encrypted fields: the same data key.
        Directory.CreateDirectory(Path.Combine(dataB, "keys"));
        foreach (var key in Directory.GetFiles(Path.Combine(dataA, "keys")))
        {
            File.Copy(key, Path.Combine(dataB, "keys", Path.GetFileName(key)));
        }

        UrlB = await StartAsync("b", dataB, database, ["--Summit:Security:RequireAdminTwoFactor", "false"]);
    }

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            if (!node.HasExited)
            {
                node.Kill(entireProcessTree: true);
                await node.WaitForExitAsync();
            }

            node.Dispose();
        }

        if (Environment.GetEnvironmentVariable("SUMMIT_TEST_LOGS") is { Length: > 0 } logs)
        {
            Directory.CreateDirectory(logs);
            await File.WriteAllLinesAsync(Path.Combine(logs, $"browser-two-nodes-{Guid.NewGuid():N}.log"), _log);
        }

        if (Postgres is { } postgres && UrlA.Length > 0)
        {
            NpgsqlConnection.ClearAllPools();
            // The connection string names no database, which Npgsql reads as one named after the user: use the maintenance one.
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres) { Database = "postgres" }.ConnectionString);
            await connection.OpenAsync();
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
                    await drop.ExecuteNonQueryAsync();
                    break;
                }
                catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 10)
                {
                    // An autovacuum worker in the database, which a role without pg_signal_backend may not end: it finishes soon.
                    await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt));
                }
            }
        }

        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private async Task<string> StartAsync(string name, string dataDirectory, string database, string[] arguments)
    {
        var url = $"http://127.0.0.1:{SummitServer.FreePort()}";
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = dataDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { SummitServer.ServerAssembly() }.Concat(arguments).Concat(["--urls", url, "--Summit:DataDirectory", dataDirectory,
                     "--Summit:Database", database, "--Summit:Mqtt:Port", "0", "--Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning",
                     "--Summit:Security:SignInRequestsPerMinute", "100000"]))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Summit node {name} did not start.");
        _nodes.Add(process);
        process.OutputDataReceived += (_, e) => _log.Enqueue($"{name} {e.Data}");
        process.ErrorDataReceived += (_, e) => _log.Enqueue($"{name} {e.Data}");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(180))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Summit node {name} exited with code {process.ExitCode}:\n{string.Join('\n', _log.TakeLast(40))}");
            }

            try
            {
                if ((await http.GetAsync(url + "/health")).StatusCode == HttpStatusCode.OK)
                {
                    return url;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Summit node {name} did not answer /health within 180 s.");
    }
}
