using Microsoft.EntityFrameworkCore;

namespace Summit.Server.Infrastructure.Database;

public sealed class PostgresSummitDbContext(DbContextOptions<PostgresSummitDbContext> options) : SummitDbContext(options);
