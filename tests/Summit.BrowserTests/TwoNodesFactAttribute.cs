namespace Summit.BrowserTests;

/// <summary>A test of <see cref="TwoNodes"/>: skipped unless SUMMIT_BROWSER_POSTGRES names a PostgreSQL server.</summary>
public sealed class TwoNodesFactAttribute : FactAttribute
{
    public TwoNodesFactAttribute()
    {
        if (TwoNodes.Postgres is null)
        {
            Skip = "Needs PostgreSQL: set SUMMIT_BROWSER_POSTGRES (./scripts/test.sh does).";
        }
    }
}
