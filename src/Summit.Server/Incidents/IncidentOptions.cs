using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Incidents;
using Summit.Server.Infrastructure.Options;

namespace Summit.Server.Incidents;

/// <summary>Settings of the incidents module (section Summit:Incidents of appsettings).</summary>
public sealed class IncidentOptions : IValidatedOptions
{
    public SlaTarget Critical { get; set; } = new() { AcknowledgeMinutes = 5, ResolveMinutes = 30 };
    public SlaTarget High { get; set; } = new() { AcknowledgeMinutes = 15, ResolveMinutes = 120 };
    public SlaTarget Medium { get; set; } = new() { AcknowledgeMinutes = 30, ResolveMinutes = 480 };
    public SlaTarget Low { get; set; } = new() { AcknowledgeMinutes = 120, ResolveMinutes = 1440 };

    /// <summary>The role that receives escalations of breached SLAs.</summary>
    public string SupervisorRole { get; set; } = Roles.OperationsCentre;

    /// <summary>How often the SLA monitor looks for breaches.</summary>
    public int CheckSeconds { get; set; } = 15;

    /// <summary>Run the SLA monitor on this server (escalation is idempotent, so every server may).</summary>
    public bool MonitorInBackground { get; set; } = true;

    public SlaTarget For(IncidentSeverity severity) => severity switch
    {
        IncidentSeverity.Critical => Critical,
        IncidentSeverity.High => High,
        IncidentSeverity.Medium => Medium,
        _ => Low,
    };

    /// <summary>Settings that would make every incident breach at once or never be checked.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var severity in Enum.GetValues<IncidentSeverity>())
        {
            var target = For(severity);
            if (target.AcknowledgeMinutes <= 0 || target.ResolveMinutes < target.AcknowledgeMinutes)
            {
                yield return $"Summit:Incidents:{severity}: AcknowledgeMinutes must be positive and ResolveMinutes at least AcknowledgeMinutes.";
            }
        }

        if (!Roles.All.Contains(SupervisorRole))
        {
            yield return $"Summit:Incidents:SupervisorRole: {SupervisorRole} is not a Summit role.";
        }

        if (CheckSeconds is < 1 or > 3600)
        {
            yield return "Summit:Incidents:CheckSeconds must be between 1 and 3600.";
        }
    }
}
