using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Summit.Server.Infrastructure.Database;

public static class DatabaseSetup
{
    public static IServiceCollection AddSummitDatabase(this IServiceCollection services, DatabaseSettings settings)
    {
        services.AddSingleton(settings);
        // The options are built once: built per scope, they cost every request that merely asks for a DbContext.
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            services.AddDbContext<SqliteSummitDbContext>(o => SqliteSummitDbContext.Configure(o, settings.ConnectionString), optionsLifetime: ServiceLifetime.Singleton);
            services.AddScoped<SummitDbContext>(sp => sp.GetRequiredService<SqliteSummitDbContext>());
        }
        else
        {
            services.AddDbContext<PostgresSummitDbContext>(o => PostgresSummitDbContext.Configure(o, WithAutoPrepare(settings.ConnectionString)),
                optionsLifetime: ServiceLifetime.Singleton);
            services.AddScoped<SummitDbContext>(sp => sp.GetRequiredService<PostgresSummitDbContext>());
        }

        return services;
    }

    /// <summary>
    /// Lets Npgsql prepare the statements a connection runs most, so that PostgreSQL parses and plans them once per connection
    /// rather than at every execution (the scan path runs the same few statements hundreds of times a second: see
    /// docs/benchmarks.md). A connection string that sets Max Auto Prepare above 0 keeps its own value.
    /// </summary>
    private static string WithAutoPrepare(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 64;
        }

        return builder.ConnectionString;
    }

    /// <summary>Applies pending migrations; on SQLite also switches the file to WAL so readers never block the writer.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SummitDbContext>();
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await db.Database.CloseConnectionAsync();
        }

        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>
    /// Refreshes the query planner's statistics. Without them SQLite walks a status index over tens of thousands of
    /// guests instead of starting from the few that match a search (160 ms against 16 ms at 100,000 guests), so this
    /// runs at start-up and after every bulk load. Sampled, it takes milliseconds.
    /// </summary>
    public static async Task RefreshStatisticsAsync(SummitDbContext db, CancellationToken cancellationToken = default)
    {
        var sql = db.Database.IsSqlite()
            ? "PRAGMA analysis_limit=1000; ANALYZE;"
            : "ANALYZE \"Guests\"; ANALYZE \"GuestSearchTerms\";";
        await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
    }
}
