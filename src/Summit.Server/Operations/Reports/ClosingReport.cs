using Summit.Server.Access.Contracts;
using Summit.Server.Incidents.Contracts;
using Summit.Server.Programme.Contracts;
using Summit.Server.Screening.Contracts;

namespace Summit.Server.Operations.Reports;

/// <summary>
/// The event's closing report, pinned to a moment (<see cref="AsOf"/>, its stamp): what happened at the gates, at the temperature
/// screening and to every problem, counted from the records received before that moment, with where each figure comes from.
/// Built again from the same stamp, it says the same, however many records arrived since.
/// </summary>
/// <param name="GeneratedAt">When it was built (at or after its stamp).</param>
public sealed record ClosingReport(string EventName, string EventNameZh, DateOnly StartDate, DateOnly EndDate, string TimeZoneId, DateTimeOffset AsOf,
    DateTimeOffset GeneratedAt, string GeneratedBy, AccessReportFigures Access, ScreeningReportFigures Screening, IReadOnlyList<IncidentTypeFigures> Incidents,
    ProgrammeReportFigures Programme);
