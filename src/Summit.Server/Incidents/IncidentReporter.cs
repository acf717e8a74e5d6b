using Summit.Server.Incidents.Progress;
using Summit.Server.Incidents.Raising;
using Summit.Server.Infrastructure.Incidents;

namespace Summit.Server.Incidents;

/// <summary>The operations module's side of the contract other modules raise incidents through.</summary>
public sealed class IncidentReporter(AutomaticReportService reports, TransitionService transitions) : IIncidentReporter
{
    public Task<Guid> ReportAsync(AutomaticIncidentReport report, CancellationToken ct = default) => reports.ReportAsync(report, ct);

    public Task SettleAsync(Guid incidentId, IncidentSettlement settlement, string note, CancellationToken ct = default) =>
        transitions.SettleAutomaticAsync(incidentId, settlement, note, ct);
}
