namespace Summit.Server.Incidents.Contracts;

/// <summary>
/// The incidents' share of the closing report, the only way other modules read incident figures: the figures per type as of a
/// moment and the incident periods a figure is computed from (audited).
/// </summary>
public interface IIncidentReport
{
    Task<List<IncidentTypeFigures>> FiguresAsync(DateTimeOffset asOf, CancellationToken ct = default);

    Task<List<IncidentPeriodRecord>> TraceAsync(IncidentTrace trace, CancellationToken ct = default);
}
