using Summit.Server.Infrastructure.Incidents;

namespace Summit.Tests.Operations.Dashboard;

public sealed class RecordingIncidentReporter(RecordedIncidents recorded) : IIncidentReporter
{
    public Task<Guid> ReportAsync(AutomaticIncidentReport report, CancellationToken ct = default)
    {
        recorded.Reports.Enqueue(report);
        return Task.FromResult(Guid.NewGuid());
    }

    public Task SettleAsync(Guid incidentId, IncidentSettlement settlement, string note, CancellationToken ct = default)
    {
        recorded.Settlements.Enqueue((incidentId, settlement, note));
        return Task.CompletedTask;
    }
}
