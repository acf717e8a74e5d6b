using Microsoft.EntityFrameworkCore;
using Summit.Server.Infrastructure.Database;

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
        using var db = new SqliteSummitDbContext(new DbContextOptionsBuilder<SqliteSummitDbContext>().UseSqlite("Data Source=:memory:").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a SQLite migration: run dotnet ef migrations add.");
    }

    [Fact]
    public void The_PostgreSQL_migrations_describe_the_model()
    {
        using var db = new PostgresSummitDbContext(new DbContextOptionsBuilder<PostgresSummitDbContext>().UseNpgsql("Host=127.0.0.1").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a PostgreSQL migration: run dotnet ef migrations add.");
    }
}
