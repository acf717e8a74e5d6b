using Summit.Server.Incidents.Contracts;

namespace Summit.Server.Operations.Dashboard;

/// <summary>The open incidents with their SLA clocks, from the incidents module. Scoped; a failure shows as with screening.</summary>
public interface IIncidentDashboardSource
{
    Task<IReadOnlyList<OpenIncidentItem>> OpenAsync(CancellationToken ct);
}
