namespace Summit.Server.Infrastructure.Database;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
