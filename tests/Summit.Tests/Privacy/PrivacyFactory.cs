using Summit.Tests.Access;

namespace Summit.Tests.Privacy;

/// <summary>
/// The test venue, with the purge job off (tests run it by hand), so that moving the clock past the end of the retention period
/// purges nothing behind a test's back; the SLA monitor is off too, or moving the clock would escalate open incidents (and write)
/// while a test checks that a dry run writes nothing.
/// </summary>
public class PrivacyFactory : AccessFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Summit:Privacy:PurgeInBackground"] = "false",
        ["Summit:Incidents:MonitorInBackground"] = "false",
    };
}
