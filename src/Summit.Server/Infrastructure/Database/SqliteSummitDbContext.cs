using Microsoft.EntityFrameworkCore;

namespace Summit.Server.Infrastructure.Database;

public sealed class SqliteSummitDbContext(DbContextOptions<SqliteSummitDbContext> options) : SummitDbContext(options);
