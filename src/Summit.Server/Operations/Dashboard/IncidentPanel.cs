using Summit.Server.Incidents.Contracts;

namespace Summit.Server.Operations.Dashboard;

/// <summary>The open incidents panel over the incidents module's contract: every incident not yet resolved, with when its SLA runs out.</summary>
public sealed class IncidentPanel(IOpenIncidents incidents) : IIncidentDashboardSource
{
    public Task<IReadOnlyList<OpenIncidentItem>> OpenAsync(CancellationToken ct) => incidents.ListAsync(ct);
}
