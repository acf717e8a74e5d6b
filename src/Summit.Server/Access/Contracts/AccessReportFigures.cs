namespace Summit.Server.Access.Contracts;

/// <summary>
/// The access figures of the closing report as of <see cref="AsOf"/>, each computed from the records that
/// <see cref="IAccessReport.TraceAsync"/> or <see cref="IAccessReport.ConflictsAsync"/> lists for the same moment.
/// </summary>
/// <param name="Event">Over the event's dates; <paramref name="Outside"/> over the days outside them (zeros when none).</param>
/// <param name="LateAfterSeconds">An uploaded scan received more than this after it was made counts as late (the event's access setting).</param>
public sealed record AccessReportFigures(string TimeZoneId, DateOnly StartDate, DateOnly EndDate, DateTimeOffset AsOf,
    IReadOnlyList<AccessDayTotal> Days, AccessSpanTotal Event, AccessSpanTotal Outside, IReadOnlyList<ZoneTotal> Zones,
    IReadOnlyList<AttendanceRow> Attendance, IReadOnlyList<RefusalRow> Refusals, int Conflicts, int UnresolvedConflicts, int LateUploads,
    int LateAfterSeconds);
