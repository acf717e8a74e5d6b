using Summit.Server.Infrastructure.Incidents;

namespace Summit.Server.Incidents;

/// <summary>The operations module's side of the contract other modules raise incidents through.</summary>
public sealed class IncidentReporter(IncidentService incidents) : IIncidentReporter
{
    public Task<Guid> ReportAsync(AutomaticIncidentReport report, CancellationToken ct = default) => incidents.ReportAutomaticAsync(report, ct);

    public Task SettleAsync(Guid incidentId, IncidentSettlement settlement, string note, CancellationToken ct = default) =>
        incidents.SettleAutomaticAsync(incidentId, settlement, note, ct);
}
