using Microsoft.EntityFrameworkCore;
using Summit.Server.Infrastructure.Database;

namespace Summit.Tests.Infrastructure;

/// <summary>Each provider's context as the server configures it, with its migrations assembly, outside a server.</summary>
internal static class MigrationContexts
{
    public static SqliteSummitDbContext Sqlite(string connectionString)
    {
        var options = new DbContextOptionsBuilder<SqliteSummitDbContext>();
        SqliteSummitDbContext.Configure(options, connectionString);
        return new(options.Options);
    }

    public static PostgresSummitDbContext Postgres(string connectionString)
    {
        var options = new DbContextOptionsBuilder<PostgresSummitDbContext>();
        PostgresSummitDbContext.Configure(options, connectionString);
        return new(options.Options);
    }
}
