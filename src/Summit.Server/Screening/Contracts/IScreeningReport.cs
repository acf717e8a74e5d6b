namespace Summit.Server.Screening.Contracts;

/// <summary>
/// Screening's share of the closing report, the only way other modules read screening figures: the figures as of a moment and the
/// very records a figure counts (holds carry officers' names and notes, so every look is audited).
/// </summary>
public interface IScreeningReport
{
    Task<ScreeningReportFigures> FiguresAsync(DateTimeOffset asOf, CancellationToken ct = default);

    Task<ScreeningRecords> TraceAsync(ScreeningTrace trace, CancellationToken ct = default);
}
