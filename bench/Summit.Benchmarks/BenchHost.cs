using Microsoft.Data.Sqlite;
using Npgsql;
using Summit.Server.Infrastructure;
using Summit.Server.Infrastructure.Database;

namespace Summit.Benchmarks;

/// <summary>
/// A Summit server built exactly as Program builds it, on a fresh database of the chosen provider, but not
/// listening: benchmarks call its services directly. PostgreSQL runs need SUMMIT_BENCH_POSTGRES, a connection
/// string without a database name (for example Host=127.0.0.1;Username=summit;Password=summit).
/// </summary>
public sealed class BenchHost : IAsyncDisposable
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    private readonly string _dataDirectory;

    private BenchHost(WebApplication app, string dataDirectory)
    {
        App = app;
        _dataDirectory = dataDirectory;
    }

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    public static string? PostgresConnection => Environment.GetEnvironmentVariable("SUMMIT_BENCH_POSTGRES") is { Length: > 0 } cs ? cs : null;

    /// <summary>The providers to measure: SQLite always, PostgreSQL when SUMMIT_BENCH_POSTGRES is set.</summary>
    public static IEnumerable<string> Providers() => PostgresConnection is null ? [Sqlite] : [Sqlite, Postgres];

    /// <summary>Builds the server on an empty, migrated database named after the benchmark.</summary>
    public static async Task<BenchHost> CreateAsync(string provider, string name)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "summit-bench", $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataDirectory);
        var database = "Data Source=" + Path.Combine(dataDirectory, "summit.db");
        if (provider == Postgres)
        {
            var connection = PostgresConnection ?? throw new InvalidOperationException("Set SUMMIT_BENCH_POSTGRES to measure on PostgreSQL.");
            // The process id keeps two runs at once (say, two worktrees) from dropping each other's database.
            var databaseName = $"summit_bench_{name.ToLowerInvariant()}_{Environment.ProcessId}";
            database = new NpgsqlConnectionStringBuilder(connection) { Database = databaseName }.ConnectionString;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = dataDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Summit:DataDirectory"] = dataDirectory,
            ["Summit:Database"] = database,
            ["Summit:Mail:DispatchInBackground"] = "false",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // EnsureDeleted of a database that is not there yet logs a connection failure; it is expected.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Connection", LogLevel.None);
        builder.AddSummit();
        var app = builder.Build();
        app.UseSummit();

        var host = new BenchHost(app, dataDirectory);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // One of the same name left by an interrupted run (process ids come round again).
            await scope.ServiceProvider.GetRequiredService<SummitDbContext>().Database.EnsureDeletedAsync();
        }

        await app.PrepareDatabaseAsync();
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SummitDbContext>().Database.EnsureDeletedAsync();
        }

        await App.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
