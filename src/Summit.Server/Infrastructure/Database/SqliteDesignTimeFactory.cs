using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Summit.Server.Infrastructure.Database;

/// <summary>Lets `dotnet ef migrations add` build each provider's context without starting the app.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSummitDbContext>
{
    public SqliteSummitDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSummitDbContext>().UseSqlite("Data Source=design.db").Options);
}
