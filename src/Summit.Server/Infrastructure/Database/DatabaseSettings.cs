using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Summit.Server.Infrastructure.Database;

/// <summary>Where the data lives: the embedded SQLite file by default, PostgreSQL when a connection string is given.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>
    /// Reads the database choice from (in order) the --db option or Summit:Database setting, the SUMMIT_DB
    /// environment variable, or ConnectionStrings:Summit; falls back to SQLite under the data directory.
    /// </summary>
    public static DatabaseSettings From(IConfiguration configuration, string dataDirectory)
    {
        var configured = FirstNonEmpty(configuration["Summit:Database"], configuration["SUMMIT_DB"], configuration.GetConnectionString("Summit"));
        if (configured is null)
        {
            Directory.CreateDirectory(dataDirectory);
            var file = Path.Combine(dataDirectory, "summit.db");
            return new(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = file, Pooling = true, DefaultTimeout = 30 }.ToString());
        }

        if (configured.StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase) || configured.EndsWith(".db", StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = configured.Contains('=', StringComparison.Ordinal) ? configured : "Data Source=" + configured;
            return new(DatabaseProvider.Sqlite, connectionString);
        }

        return new(DatabaseProvider.Postgres, configured);
    }

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
