namespace Summit.Tests.Infrastructure;

/// <summary>
/// A fact about several server processes on one database: only PostgreSQL serves a deployment of several processes (SQLite's file
/// belongs to one), so the test runs in the PostgreSQL pass of scripts/test.sh and is reported as skipped in the SQLite pass.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (SummitFactory.PostgresConnection is null)
        {
            Skip = "Several server processes need PostgreSQL (set SUMMIT_TEST_POSTGRES; scripts/test.sh does)";
        }
    }
}
