using Microsoft.EntityFrameworkCore;

namespace Summit.Server.Infrastructure.Database;

/// <summary>
/// What the <c>[DbContext(typeof(SqliteSummitDbContext))]</c> that <c>dotnet ef</c> writes on every migration names here, through
/// the alias in the project file: this assembly cannot reference the server's context, because the server loads it (ADR 0025).
/// A DbContext because <c>dotnet ef</c> requires one there; never instantiated.
/// </summary>
internal abstract class SqliteMigrations : DbContext;
