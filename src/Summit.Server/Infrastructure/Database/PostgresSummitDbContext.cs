using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Summit.Server.Infrastructure.Database;

public sealed class PostgresSummitDbContext(DbContextOptions<PostgresSummitDbContext> options) : SummitDbContext(options)
{
    /// <summary>PostgreSQL at the connection string, with the migrations of Summit.Migrations.Postgres (docs/adr/0025).</summary>
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, o => o.MigrationsAssembly("Summit.Migrations.Postgres"))
            .ReplaceService<IMigrationsAssembly, SummitMigrationsAssembly>();
}
