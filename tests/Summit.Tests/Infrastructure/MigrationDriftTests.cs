using Microsoft.EntityFrameworkCore;

namespace Summit.Tests.Infrastructure;

/// <summary>
/// Every change to a table has its migration, for each provider: a model that differs from the last migration's snapshot would
/// start on a fresh database without the column it expects. Neither check opens a connection.
/// </summary>
public class MigrationDriftTests
{
    [Fact]
    public void The_SQLite_migrations_describe_the_model()
    {
        using var db = MigrationContexts.Sqlite("Data Source=:memory:");
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a SQLite migration: run scripts/add-migration.sh.");
    }

    [Fact]
    public void The_PostgreSQL_migrations_describe_the_model()
    {
        using var db = MigrationContexts.Postgres("Host=127.0.0.1");
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a PostgreSQL migration: run scripts/add-migration.sh.");
    }
}
