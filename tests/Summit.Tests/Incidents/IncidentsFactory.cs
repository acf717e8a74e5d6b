using Summit.Tests.Access;

namespace Summit.Tests.Incidents;

/// <summary>The test venue with the SLA monitor stopped: tests run its rounds themselves, on the fake clock.</summary>
public class IncidentsFactory : AccessFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Summit:Incidents:MonitorInBackground"] = "false",
    };
}
