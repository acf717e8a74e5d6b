using Summit.Tests.Access;

namespace Summit.Tests.Privacy;

/// <summary>A test venue whose purge job runs, as on a real server.</summary>
public sealed class PurgeJobFactory : AccessFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Summit:Privacy:PurgeInBackground"] = "true",
    };
}
