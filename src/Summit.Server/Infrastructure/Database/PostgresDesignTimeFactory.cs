using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Summit.Server.Infrastructure.Database;

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSummitDbContext>
{
    public PostgresSummitDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresSummitDbContext>().UseNpgsql("Host=localhost;Database=summit_design").Options);
}
