using System.Globalization;
using System.Text;
using Summit.Server.Access.Contracts;
using Summit.Server.Incidents.Contracts;
using Summit.Server.Infrastructure;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Screening.Contracts;

namespace Summit.Server.Operations.Reports;

/// <summary>
/// The closing report and the records behind its figures as CSV. The report is one figure per row, each with the link to exactly the
/// records it counts (the column <c>records</c>); each list of records has the times its figure is computed from.
/// </summary>
internal static class ClosingReportCsv
{
    public static readonly string[] FigureColumns = ["section", "day", "zone", "category", "reason", "measure", "value", "records"];

    /// <summary>The report: a first row with its stamp (linking to the report pinned to it), then one figure per row.</summary>
    public static byte[] Figures(ClosingReport report, Localizer localizer, string language)
    {
        var output = new StringBuilder();
        Csv.WriteRow(output, FigureColumns);
        var asOf = report.AsOf;
        Csv.WriteRow(output, ["report", null, null, null, null, "as of", ReportMoment.Format(asOf), ClosingReportLinks.Page(asOf)]);
        Csv.WriteRow(output, ["report", null, null, null, null, "built", Time(report.GeneratedAt) + " " + report.GeneratedBy, null]);
        void Row(string section, DateOnly? day, string? zone, string? category, string? reason, string measure, double? value, string link) =>
            Csv.WriteRow(output, [section, day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), zone, category, reason, measure, Number(value), link]);

        var figures = report.Access;
        foreach (var day in figures.Days)
        {
            var section = day.WithinEvent ? "attendance-day" : "attendance-day-outside";
            var entries = ClosingReportLinks.Scans(new ScanTrace(asOf, day.Day, Admitted: true));
            Row(section, day.Day, null, null, null, "persons", day.Persons, entries);
            Row(section, day.Day, null, null, null, "entries", day.Entries, entries);
            Row(section, day.Day, null, null, null, "refusals", day.Refusals, ClosingReportLinks.Scans(new ScanTrace(asOf, day.Day, Admitted: false)));
        }

        foreach (var (section, span, total) in Spans(figures))
        {
            var entries = ClosingReportLinks.Scans(new ScanTrace(asOf, Admitted: true, Span: span));
            Row(section, null, null, null, null, "persons", total.Persons, entries);
            Row(section, null, null, null, null, "entries", total.Entries, entries);
            Row(section, null, null, null, null, "refusals", total.Refusals, ClosingReportLinks.Scans(new ScanTrace(asOf, Admitted: false, Span: span)));
        }

        foreach (var zone in figures.Zones)
        {
            var entries = ClosingReportLinks.Scans(new ScanTrace(asOf, ZoneCode: zone.ZoneCode, Admitted: true, Span: ReportSpan.Event));
            Row("attendance-zone", null, zone.ZoneCode, null, null, "persons", zone.Persons, entries);
            Row("attendance-zone", null, zone.ZoneCode, null, null, "entries", zone.Entries, entries);
        }

        foreach (var row in figures.Attendance)
        {
            var section = row.WithinEvent ? "attendance" : "attendance-outside-days";
            var entries = ClosingReportLinks.Scans(new ScanTrace(asOf, row.Day, row.ZoneCode, row.CategoryCode, Admitted: true));
            Row(section, row.Day, row.ZoneCode, row.CategoryCode, null, "persons", row.Persons, entries);
            Row(section, row.Day, row.ZoneCode, row.CategoryCode, null, "entries", row.Entries, entries);
        }

        // A session's counted figures, each with its scans; its seats, expected attendance and the time it filled are on the page beside them.
        foreach (var session in report.Programme.Sessions.Where(s => s.Persons is not null))
        {
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(session.StartsAt, EventTime.Zone(report.TimeZoneId)).DateTime);
            var title = language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) && session.TitleZh.Length > 0 ? session.TitleZh : session.TitleEn;
            var came = ClosingReportLinks.Scans(ClosingReportDocument.SessionTrace(session, asOf));
            Row("sessions", day, session.ZoneCode, null, title, "persons", session.Persons, came);
            Row("sessions", day, session.ZoneCode, null, title, "entries", session.Entries, came);
        }

        foreach (var row in figures.Refusals)
        {
            Row(row.WithinEvent ? "refusals" : "refusals-outside-days", row.Day, null, null, localizer.Get(language, $"verdict.{row.Reason}"), "scans",
                row.Scans, ClosingReportLinks.Scans(new ScanTrace(asOf, row.Day, Reason: row.Reason, Admitted: false)));
        }

        Row("entry-conflicts", null, null, null, null, "detected", figures.Conflicts, ClosingReportLinks.Conflicts(asOf));
        Row("entry-conflicts", null, null, null, null, "unresolved", figures.UnresolvedConflicts, ClosingReportLinks.Conflicts(asOf, unresolvedOnly: true));
        Row("uploads", null, null, null, null, "late scans", figures.LateUploads, ClosingReportLinks.Scans(new ScanTrace(asOf, Late: true)));
        WriteScreening(report.Screening, language, localizer, Row);
        foreach (var type in report.Incidents)
        {
            string Link(IncidentMeasure measure) => ClosingReportLinks.Incidents(new IncidentTrace(asOf, measure, type.Type));
            var name = type.Type.ToString();
            Row("incidents", null, null, null, name, "raised", type.Raised, Link(IncidentMeasure.Raised));
            Row("incidents", null, null, null, name, "resolved", type.Resolved, Link(IncidentMeasure.Resolved));
            Row("incidents", null, null, null, name, "median minutes to acknowledge", type.MedianMinutesToAcknowledge, Link(IncidentMeasure.Acknowledge));
            Row("incidents", null, null, null, name, "median minutes to resolve", type.MedianMinutesToResolve, Link(IncidentMeasure.Resolve));
            Row("incidents", null, null, null, name, "acknowledged late", type.AcknowledgeBreaches, Link(IncidentMeasure.AcknowledgeLate));
            Row("incidents", null, null, null, name, "resolved late", type.ResolveBreaches, Link(IncidentMeasure.ResolveLate));
            Row("incidents", null, null, null, name, "reopens", type.Reopens, Link(IncidentMeasure.Reopens));
            Row("incidents", null, null, null, name, "minutes reopened", type.MinutesReopened, Link(IncidentMeasure.Reopens));
        }

        return ClosingReportService.Utf8WithMark(output);
    }

    /// <summary>The whole event's totals, and those of the days outside its dates when there are any.</summary>
    internal static IEnumerable<(string Section, ReportSpan Span, AccessSpanTotal Total)> Spans(AccessReportFigures figures)
    {
        yield return ("attendance-event", ReportSpan.Event, figures.Event);
        if (figures.Days.Any(d => !d.WithinEvent))
        {
            yield return ("attendance-outside", ReportSpan.Outside, figures.Outside);
        }
    }

    private static void WriteScreening(ScreeningReportFigures figures, string language, Localizer localizer,
        Action<string, DateOnly?, string?, string?, string?, string, double?, string> row)
    {
        var asOf = figures.AsOf;
        void Day(string section, DateOnly? day, ReportSpan? span, int readings, int fevers, int holds)
        {
            row(section, day, null, null, null, "readings", readings, ClosingReportLinks.Screening(new(ScreeningRecordKind.Readings, asOf, day, Span: span)));
            row(section, day, null, null, null, "fevers", fevers, ClosingReportLinks.Screening(new(ScreeningRecordKind.Fevers, asOf, day, Span: span)));
            row(section, day, null, null, null, "holds placed", holds, ClosingReportLinks.Screening(new(ScreeningRecordKind.Holds, asOf, day, Span: span)));
        }

        foreach (var day in figures.Days)
        {
            Day(day.WithinEvent ? "screening-day" : "screening-day-outside", day.Day, null, day.Readings, day.Fevers, day.HoldsPlaced);
        }

        Day("screening-event", null, ReportSpan.Event, figures.Event.Readings, figures.Event.Fevers, figures.Event.HoldsPlaced);
        if (figures.Days.Any(d => !d.WithinEvent))
        {
            Day("screening-outside", null, ReportSpan.Outside, figures.Outside.Readings, figures.Outside.Fevers, figures.Outside.HoldsPlaced);
        }

        foreach (var refusal in figures.Refusals)
        {
            row("screening-refusals", null, null, null, localizer.Get(language, $"screening.reason.{refusal.Reason}"), "messages", refusal.Messages,
                ClosingReportLinks.Screening(new(ScreeningRecordKind.Refusals, asOf, Reason: refusal.Reason)));
        }

        row("screening-holds", null, null, null, null, "placed", figures.HoldsPlaced, ClosingReportLinks.Screening(new(ScreeningRecordKind.Holds, asOf)));
        row("screening-holds", null, null, null, null, "cleared", figures.HoldsCleared,
            ClosingReportLinks.Screening(new(ScreeningRecordKind.Holds, asOf, Status: HoldStatus.Cleared)));
        row("screening-holds", null, null, null, null, "fever confirmed", figures.HoldsConfirmed,
            ClosingReportLinks.Screening(new(ScreeningRecordKind.Holds, asOf, Status: HoldStatus.FeverConfirmed)));
        row("screening-holds", null, null, null, null, "still open", figures.HoldsOpen,
            ClosingReportLinks.Screening(new(ScreeningRecordKind.Holds, asOf, Status: HoldStatus.Open)));
        row("screening-holds", null, null, null, null, "median minutes to decision", figures.MedianMinutesToDecision,
            ClosingReportLinks.Screening(new(ScreeningRecordKind.Holds, asOf, Decided: true)));
        var silences = ClosingReportLinks.Screening(new(ScreeningRecordKind.Silences, asOf));
        row("screening-sensors", null, null, null, null, "went silent", figures.SilentSensors, silences);
        row("screening-sensors", null, null, null, null, "silences", figures.Silences, silences);
    }

    /// <summary>The scans behind a gate figure: each with its times, gate, verdict, holder and the category held when scanned.</summary>
    public static byte[] Scans(IEnumerable<ScanListItem> scans, Localizer localizer, string language)
    {
        var output = new StringBuilder();
        Csv.WriteRow(output, ["scan", "scanned_at", "received_at", "gate", "direction", "source", "verdict", "reason", "late", "guest", "name",
            "category_at_entry"]);
        foreach (var scan in scans)
        {
            Csv.WriteRow(output, [scan.Id.ToString(), Time(scan.ScannedAt), Time(scan.ReceivedAt), scan.GateCode, scan.Direction.ToString(),
                scan.Source.ToString(), scan.Admitted ? "admitted" : "refused", localizer.Get(language, $"verdict.{scan.Reason}"), scan.Late ? "yes" : "no",
                scan.GuestId?.ToString(), scan.HolderName, scan.CategoryCode]);
        }

        return ClosingReportService.Utf8WithMark(output);
    }

    /// <summary>The double entries: both scans (when made, where), when found and, if before the stamp, how they were resolved.</summary>
    public static byte[] Conflicts(IEnumerable<ConflictRecord> conflicts)
    {
        var output = new StringBuilder();
        Csv.WriteRow(output, ["conflict", "zone", "guest", "name", "first_scan", "first_scanned_at", "first_gate", "second_scan", "second_scanned_at",
            "second_gate", "detected_at", "resolved_at", "resolved_by", "resolution"]);
        foreach (var c in conflicts)
        {
            Csv.WriteRow(output, [c.Id.ToString(), c.ZoneCode, c.GuestId.ToString(), c.HolderName, c.First.Id.ToString(), Time(c.First.ScannedAt),
                c.First.GateCode, c.Second.Id.ToString(), Time(c.Second.ScannedAt), c.Second.GateCode, Time(c.DetectedAt), Time(c.ResolvedAt), c.ResolvedBy,
                c.Resolution]);
        }

        return ClosingReportService.Utf8WithMark(output);
    }

    public static byte[] Screening(ScreeningRecords records, Localizer localizer, string language)
    {
        var output = new StringBuilder();
        switch (records.Trace.Records)
        {
            case ScreeningRecordKind.Readings or ScreeningRecordKind.Fevers:
                Csv.WriteRow(output, ["reading", "received_at", "measured_at", "sensor", "gate", "celsius", "fever", "sequence"]);
                foreach (var r in records.Readings)
                {
                    Csv.WriteRow(output, [r.Id.ToString(), Time(r.ReceivedAt), Time(r.MeasuredAt), r.SensorCode, r.GateCode, Celsius(r.Celsius),
                        r.Fever ? "yes" : "no", r.Sequence.ToString(CultureInfo.InvariantCulture)]);
                }

                break;
            case ScreeningRecordKind.Refusals:
                Csv.WriteRow(output, ["sender", "sensor", "reason", "minute", "messages", "last_at", "last_detail"]);
                foreach (var r in records.Refusals)
                {
                    Csv.WriteRow(output, [r.SensorKey, r.SensorCode, localizer.Get(language, $"screening.reason.{r.Reason}"), Time(r.Minute),
                        r.Count.ToString(CultureInfo.InvariantCulture), Time(r.LastAt), r.LastDetail]);
                }

                break;
            case ScreeningRecordKind.Holds:
                Csv.WriteRow(output, ["hold", "raised_at", "gate", "sensor", "celsius", "threshold", "status", "remeasured_celsius", "decided_at",
                    "decided_by", "minutes_to_decision", "incident", "note"]);
                foreach (var h in records.Holds)
                {
                    Csv.WriteRow(output, [h.Id.ToString(), Time(h.RaisedAt), h.GateCode, h.SensorCode, Celsius(h.Celsius), Celsius(h.Threshold),
                        localizer.Get(language, $"enum.HoldStatus.{h.Status}"), Celsius(h.RemeasuredCelsius), Time(h.DecidedAt), h.DecidedBy,
                        h.MinutesToDecision?.ToString("0.##", CultureInfo.InvariantCulture), h.IncidentId?.ToString(), h.Note]);
                }

                break;
            case ScreeningRecordKind.Silences:
                Csv.WriteRow(output, ["silence", "sensor", "gate", "quiet_since", "reported_at", "ended_at"]);
                foreach (var s in records.Silences)
                {
                    Csv.WriteRow(output, [s.Id.ToString(), s.SensorCode, s.GateCode, Time(s.QuietSince), Time(s.ReportedAt), Time(s.EndedAt)]);
                }

                break;
        }

        return ClosingReportService.Utf8WithMark(output);
    }

    /// <summary>
    /// The incident periods behind an incident figure: raising, each period's start, targets, acknowledgement and resolution as they
    /// stood at the stamp, whether each step was late, the SLA step then awaited, and the minutes the figure takes from the row.
    /// </summary>
    public static byte[] Incidents(IEnumerable<IncidentPeriodRecord> periods, Localizer localizer, string language)
    {
        var output = new StringBuilder();
        Csv.WriteRow(output, ["incident", "type", "severity", "raised_at", "period", "period_started_at", "acknowledge_due_at", "acknowledged_at",
            "acknowledge_late", "resolve_due_at", "resolved_at", "resolve_late", "sla_step", "minutes"]);
        foreach (var p in periods)
        {
            Csv.WriteRow(output, [p.Number, localizer.Get(language, $"enum.IncidentType.{p.Type}"), localizer.Get(language, $"enum.IncidentSeverity.{p.Severity}"),
                Time(p.RaisedAt), p.Period.ToString(CultureInfo.InvariantCulture), Time(p.PeriodStartedAt), Time(p.AcknowledgeDueAt),
                Time(p.AcknowledgedAt), p.AcknowledgeLate ? "yes" : "no", Time(p.ResolveDueAt), Time(p.ResolvedAt), p.ResolveLate ? "yes" : "no", p.SlaStep,
                p.Minutes?.ToString("0.###", CultureInfo.InvariantCulture)]);
        }

        return ClosingReportService.Utf8WithMark(output);
    }

    /// <summary>A figure as the report writes it: whole numbers as they are, minutes to one decimal, none as empty.</summary>
    internal static string Number(double? value) => value?.ToString("0.#", CultureInfo.InvariantCulture) ?? "";

    private static string Time(DateTimeOffset? time) => time?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) ?? "";

    private static string Celsius(double? value) => value?.ToString("0.0##", CultureInfo.InvariantCulture) ?? "";
}
