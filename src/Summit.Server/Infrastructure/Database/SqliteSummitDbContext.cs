using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Summit.Server.Infrastructure.Database;

public sealed class SqliteSummitDbContext(DbContextOptions<SqliteSummitDbContext> options) : SummitDbContext(options)
{
    /// <summary>SQLite at the connection string, with the migrations of Summit.Migrations.Sqlite (docs/adr/0025).</summary>
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, o => o.MigrationsAssembly("Summit.Migrations.Sqlite"))
            .ReplaceService<IMigrationsAssembly, SummitMigrationsAssembly>();
}
