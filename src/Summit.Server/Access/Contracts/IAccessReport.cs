namespace Summit.Server.Access.Contracts;

/// <summary>
/// The gates' share of the closing report, the only way other modules read what happened at the gates: the figures as of a moment,
/// counted from the recorded scans alone, and the very scans and double entries a figure counts (reads of personal data, audited).
/// </summary>
public interface IAccessReport
{
    Task<AccessReportFigures> FiguresAsync(DateTimeOffset asOf, CancellationToken ct = default);

    /// <summary>
    /// Who came into each zone during each window, as of a moment (a window whose zone is not the event's is left out): the programme's
    /// sessions in their rooms.
    /// </summary>
    Task<List<WindowAttendance>> WindowsAsync(DateTimeOffset asOf, IReadOnlyList<AttendanceWindow> windows, CancellationToken ct = default);

    /// <summary>The scans behind a figure, in time order, with their holders and the category each held when scanned.</summary>
    Task<List<ScanListItem>> TraceAsync(ScanTrace trace, CancellationToken ct = default);

    /// <summary>The double entries found in offline uploads before the moment (only those still unresolved then, if asked).</summary>
    Task<List<ConflictRecord>> ConflictsAsync(DateTimeOffset asOf, bool unresolvedOnly, CancellationToken ct = default);
}
