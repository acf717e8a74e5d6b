using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Summit.Server.Infrastructure.Database;

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSummitDbContext>
{
    public PostgresSummitDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresSummitDbContext>();
        PostgresSummitDbContext.Configure(options, "Host=localhost;Database=summit_design");
        return new(options.Options);
    }
}
