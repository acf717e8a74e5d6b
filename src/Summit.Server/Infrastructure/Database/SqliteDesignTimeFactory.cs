using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Summit.Server.Infrastructure.Database;

/// <summary>Lets `dotnet ef migrations add` build each provider's context without starting the app.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSummitDbContext>
{
    public SqliteSummitDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteSummitDbContext>();
        SqliteSummitDbContext.Configure(options, "Data Source=design.db");
        return new(options.Options);
    }
}
