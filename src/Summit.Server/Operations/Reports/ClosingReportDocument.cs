using System.Globalization;
using Summit.Server.Access.Contracts;
using Summit.Server.Incidents.Contracts;
using Summit.Server.Infrastructure;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Programme.Contracts;
using Summit.Server.Screening.Contracts;

namespace Summit.Server.Operations.Reports;

/// <summary>
/// Lays out the closing report in a language, once for the page and the PDF: the stamp, every table with its figures linked to their
/// records (bounded to the stamp), and under each table the definitions of its figures as the user guide states them.
/// </summary>
internal sealed class ClosingReportDocument
{
    private readonly ClosingReport _report;
    private readonly Localizer _localizer;
    private readonly string _language;
    private readonly TimeZoneInfo _zone;
    private readonly string _baseUrl;

    private ClosingReportDocument(ClosingReport report, Localizer localizer, string language, string baseUrl)
    {
        _baseUrl = baseUrl.TrimEnd('/');
        _report = report;
        _localizer = localizer;
        _language = Localizer.NormalizeLanguage(language);
        _zone = EventTime.Zone(report.TimeZoneId);
    }

    private DateTimeOffset AsOf => _report.AsOf;

    /// <param name="baseUrl">The server's public address, for the link that reproduces the report (a printed page needs it whole).</param>
    public static ReportDocument Build(ClosingReport report, Localizer localizer, string language, string baseUrl) =>
        new ClosingReportDocument(report, localizer, language, baseUrl).Build();

    private ReportDocument Build()
    {
        var stamp = ReportMoment.Format(AsOf);
        var header = new List<string>
        {
            T("reports.period", Text(_report.StartDate), Text(_report.EndDate), _report.TimeZoneId),
            T("reports.stamp", Local(AsOf), stamp),
            T("reports.built", Local(_report.GeneratedAt, seconds: true), _report.GeneratedBy),
            T("reports.reproduce", _baseUrl + ClosingReportLinks.Page(AsOf)),
            T("reports.trace_note"),
        };
        var eventName = _language == Localizer.Chinese ? $"{_report.EventNameZh} · {_report.EventName}" : $"{_report.EventName} · {_report.EventNameZh}";
        return new ReportDocument(T("reports.title"), eventName, header,
            [AttendanceSection(), SessionSection(), CategorySection(), RefusalSection(), OfflineSection(), ScreeningSection(), IncidentSection()],
            T("reports.footer", eventName, stamp));
    }

    private ReportSection AttendanceSection()
    {
        var access = _report.Access;
        var rows = EventThenOutside(access.Days, d => d.WithinEvent,
            day => new ReportRow(Text(day.Day), [Label(Text(day.Day)), .. DayCells(new ScanTrace(AsOf, day.Day), day.Persons, day.Entries, day.Refusals)]),
            new ReportRow("event", [Label(T("reports.whole_event")), .. DayCells(new ScanTrace(AsOf, Span: ReportSpan.Event), access.Event.Persons,
                access.Event.Entries, access.Event.Refusals)], ReportRowKind.Total),
            new ReportRow("outside-total", [Label(T("reports.outside_total")), .. DayCells(new ScanTrace(AsOf, Span: ReportSpan.Outside),
                access.Outside.Persons, access.Outside.Entries, access.Outside.Refusals)], ReportRowKind.Total));
        var days = new ReportTable("days", T("reports.days"), [Column("reports.day"), Number("reports.persons"), Number("reports.entries"),
            Number("reports.refusals")], rows, [T("reports.def.persons"), T("reports.def.entries"), T("reports.def.days"), T("reports.def.outside")]);

        var zones = new ReportTable("zones", T("reports.zones"), [Column("reports.zone"), Number("reports.persons"), Number("reports.entries")],
            [.. access.Zones.Select(z =>
            {
                var link = ClosingReportLinks.Scans(new ScanTrace(AsOf, ZoneCode: z.ZoneCode, Admitted: true, Span: ReportSpan.Event));
                return new ReportRow(z.ZoneCode, [Label($"{z.ZoneCode} · {Named(z.ZoneNameEn, z.ZoneNameZh)}"), Figure(z.Persons, link), Figure(z.Entries, link)]);
            })],
            [T("reports.def.zones")], T("reports.no_zones"));
        return new ReportSection(T("reports.attendance_heading"), [days, zones]);
    }

    private ReportSection SessionSection()
    {
        var rows = _report.Programme.Sessions.Select(session =>
        {
            var came = ClosingReportLinks.Scans(SessionTrace(session));
            return new ReportRow(session.SessionId.ToString("N"),
            [
                Label(Named(session.TitleEn, session.TitleZh)), Label($"{session.RoomCode} · {Named(session.RoomNameEn, session.RoomNameZh)}"),
                Label($"{Local(session.StartsAt)}–{EventTime.Format(session.EndsAt, _zone, TimeStyle.Time)}"),
                Label(ClosingReportCsv.Number(session.Seats)), Label(ClosingReportCsv.Number(session.Expected)),
                session.Persons is { } persons ? Figure(persons, came) : Label(T("reports.no_gates")),
                session.Entries is { } entries ? Figure(entries, came) : Label("–"),
                Label(session.FullAt is { } full ? EventTime.Format(full, _zone, TimeStyle.Time) : "–"),
            ]);
        }).ToList();
        var table = new ReportTable("sessions", _report.Programme.Release is { } release ? T("reports.sessions_release", release) : null,
        [
            Column("reports.session"), Column("reports.room"), Column("reports.session_time"), Number("reports.seats"), Number("reports.expected"),
            Number("reports.came"), Number("reports.entries"), Column("reports.full_at"),
        ], rows, [T("reports.def.came"), T("reports.def.full_at"), T("reports.def.seats")], T("reports.no_sessions"));
        return new ReportSection(T("reports.sessions"), [table]);
    }

    /// <summary>The entries a session's figures count: admitted into its room's zone from its doors opening to its end.</summary>
    internal static ScanTrace SessionTrace(SessionAttendance session, DateTimeOffset asOf) =>
        new(asOf, ZoneCode: session.ZoneCode, Admitted: true, From: session.DoorsOpenAt, Until: session.EndsAt);

    private ScanTrace SessionTrace(SessionAttendance session) => SessionTrace(session, AsOf);

    private IEnumerable<ReportCell> DayCells(ScanTrace trace, int persons, int entries, int refusals)
    {
        var admitted = ClosingReportLinks.Scans(trace with { Admitted = true });
        return [Figure(persons, admitted), Figure(entries, admitted), Figure(refusals, ClosingReportLinks.Scans(trace with { Admitted = false }))];
    }

    private ReportSection CategorySection()
    {
        var rows = EventThenOutside(_report.Access.Attendance, r => r.WithinEvent, row =>
        {
            var link = ClosingReportLinks.Scans(new ScanTrace(AsOf, row.Day, row.ZoneCode, row.CategoryCode, Admitted: true));
            return new ReportRow($"{Text(row.Day)}|{row.ZoneCode}|{row.CategoryCode}", [Label(Text(row.Day)),
                Label($"{row.ZoneCode} · {Named(row.ZoneNameEn, row.ZoneNameZh)}"), Label(Named(row.CategoryNameEn is { Length: > 0 } name ? name : row.CategoryCode, row.CategoryNameZh)), Figure(row.Persons, link), Figure(row.Entries, link)]);
        });
        return new ReportSection(T("reports.attendance"), [new ReportTable("attendance", null, [Column("reports.day"), Column("reports.zone"),
            Column("reports.category"), Number("reports.persons"), Number("reports.entries")], rows, [T("reports.def.category"), T("reports.def.zone_persons")],
            T("reports.no_scans"))]);
    }

    private ReportSection RefusalSection()
    {
        var rows = EventThenOutside(_report.Access.Refusals, r => r.WithinEvent, row => new ReportRow($"{Text(row.Day)}|{row.Reason}",
            [Label(Text(row.Day)), Label(T($"verdict.{row.Reason}")),
                Figure(row.Scans, ClosingReportLinks.Scans(new ScanTrace(AsOf, row.Day, Reason: row.Reason, Admitted: false)))]));
        return new ReportSection(T("reports.refusals_by_reason"), [new ReportTable("refusals", null, [Column("reports.day"), Column("reports.reason"),
            Number("reports.scans")], rows, [T("reports.def.refusals")], T("reports.no_refusals"))]);
    }

    private ReportSection OfflineSection()
    {
        var access = _report.Access;
        ReportTable table = new("offline", null, [Column("reports.measure"), Number("reports.value")],
        [
            new ReportRow("conflicts", [Label(T("reports.conflicts")), Figure(access.Conflicts, ClosingReportLinks.Conflicts(AsOf))]),
            new ReportRow("conflicts-open", [Label(T("reports.conflicts_open")),
                Figure(access.UnresolvedConflicts, ClosingReportLinks.Conflicts(AsOf, unresolvedOnly: true))]),
            new ReportRow("late", [Label(T("reports.late")), Figure(access.LateUploads, ClosingReportLinks.Scans(new ScanTrace(AsOf, Late: true)))]),
        ],
        [T("reports.def.conflicts"), T("reports.def.late", access.LateAfterSeconds)]);
        return new ReportSection(T("reports.offline"), [table]);
    }

    private ReportSection ScreeningSection()
    {
        var screening = _report.Screening;
        string Link(ScreeningRecordKind kind, DateOnly? day = null, ReportSpan? span = null) => ClosingReportLinks.Screening(new(kind, AsOf, day, Span: span));
        ReportCell[] Cells(DateOnly? day, ReportSpan? span, int readings, int fevers, int holds) =>
        [
            Figure(readings, Link(ScreeningRecordKind.Readings, day, span)), Figure(fevers, Link(ScreeningRecordKind.Fevers, day, span)),
            Figure(holds, Link(ScreeningRecordKind.Holds, day, span)),
        ];

        var rows = EventThenOutside(screening.Days, d => d.WithinEvent,
            day => new ReportRow(Text(day.Day), [Label(Text(day.Day)), .. Cells(day.Day, null, day.Readings, day.Fevers, day.HoldsPlaced)]),
            new ReportRow("event", [Label(T("reports.whole_event")), .. Cells(null, ReportSpan.Event, screening.Event.Readings, screening.Event.Fevers,
                screening.Event.HoldsPlaced)], ReportRowKind.Total),
            new ReportRow("outside-total", [Label(T("reports.outside_total")), .. Cells(null, ReportSpan.Outside, screening.Outside.Readings,
                screening.Outside.Fevers, screening.Outside.HoldsPlaced)], ReportRowKind.Total));

        var threshold = screening.ThresholdCelsius.ToString("0.0", CultureInfo.InvariantCulture);
        var days = new ReportTable("screening-days", T("reports.screening_days"), [Column("reports.day"), Number("reports.readings"),
            Number("reports.fevers"), Number("reports.holds_placed")], rows, [T("reports.screening_note", threshold), T("reports.def.outside")]);

        string HoldLink(HoldStatus? status = null, bool? decided = null) =>
            ClosingReportLinks.Screening(new(ScreeningRecordKind.Holds, AsOf, Status: status, Decided: decided));
        var silences = Link(ScreeningRecordKind.Silences);
        var holds = new ReportTable("screening-holds", T("reports.holds"), [Column("reports.measure"), Number("reports.value")],
        [
            new ReportRow("placed", [Label(T("reports.holds_all")), Figure(screening.HoldsPlaced, HoldLink())]),
            new ReportRow("cleared", [Label(T("reports.holds_cleared")), Figure(screening.HoldsCleared, HoldLink(HoldStatus.Cleared))]),
            new ReportRow("confirmed", [Label(T("reports.holds_confirmed")), Figure(screening.HoldsConfirmed, HoldLink(HoldStatus.FeverConfirmed))]),
            new ReportRow("open", [Label(T("reports.holds_open")), Figure(screening.HoldsOpen, HoldLink(HoldStatus.Open))]),
            new ReportRow("median", [Label(T("reports.hold_decision_median")), Minutes(screening.MedianMinutesToDecision, HoldLink(decided: true))]),
            new ReportRow("silent", [Label(T("reports.sensors_silent")), Figure(screening.SilentSensors, silences)]),
            new ReportRow("silences", [Label(T("reports.silences")), Figure(screening.Silences, silences)]),
        ],
        [T("reports.def.holds"), T("reports.def.hold_median"), T("reports.def.silences")]);

        var refusals = new ReportTable("screening-refusals", T("reports.refused_readings"), [Column("reports.reason"), Number("reports.messages")],
            [.. screening.Refusals.Select(r => new ReportRow(r.Reason, [Label(T($"screening.reason.{r.Reason}")),
                Figure(r.Messages, ClosingReportLinks.Screening(new(ScreeningRecordKind.Refusals, AsOf, Reason: r.Reason)))]))],
            [T("reports.refused_note")], T("reports.no_refused_readings"));
        return new ReportSection(T("reports.screening"), [days, holds, refusals]);
    }

    private ReportSection IncidentSection()
    {
        var rows = _report.Incidents.Select(type =>
        {
            ReportCell Cell(double? value, IncidentMeasure measure, bool minutes = false)
            {
                var link = ClosingReportLinks.Incidents(new IncidentTrace(AsOf, measure, type.Type));
                return minutes ? Minutes(value, link) : Figure(value ?? 0, link);
            }

            return new ReportRow(type.Type.ToString(),
            [
                Label(T($"enum.IncidentType.{type.Type}")), Cell(type.Raised, IncidentMeasure.Raised), Cell(type.Resolved, IncidentMeasure.Resolved),
                Cell(type.MedianMinutesToAcknowledge, IncidentMeasure.Acknowledge, minutes: true),
                Cell(type.MedianMinutesToResolve, IncidentMeasure.Resolve, minutes: true),
                Cell(type.AcknowledgeBreaches, IncidentMeasure.AcknowledgeLate), Cell(type.ResolveBreaches, IncidentMeasure.ResolveLate),
                Cell(type.Reopens, IncidentMeasure.Reopens), Cell(type.MinutesReopened, IncidentMeasure.Reopens, minutes: true),
            ]);
        }).ToList();
        var table = new ReportTable("incidents", null,
        [
            Column("reports.type"), Number("reports.raised"), Number("reports.resolved"), Number("reports.ack_median"), Number("reports.resolve_median"),
            Number("reports.ack_breaches"), Number("reports.resolve_breaches"), Number("reports.reopens"), Number("reports.minutes_reopened"),
        ],
        rows,
        [T("reports.def.raised"), T("reports.def.ack"), T("reports.def.resolve"), T("reports.def.breaches"), T("reports.def.reopens"),
            T("reports.def.incident_records")],
        T("reports.no_incidents"));
        return new ReportSection(T("reports.incidents"), [table]);
    }

    /// <summary>
    /// The rows of the event's dates (then their total), and, under a heading of their own, the rows of the days outside them (then
    /// their total): records outside the event's dates are shown apart and in none of its totals.
    /// </summary>
    private List<ReportRow> EventThenOutside<TItem>(IEnumerable<TItem> items, Func<TItem, bool> within, Func<TItem, ReportRow> row,
        ReportRow? eventTotal = null, ReportRow? outsideTotal = null)
    {
        var all = items.ToList();
        List<ReportRow> rows = [.. all.Where(within).Select(row), .. eventTotal is null ? [] : new[] { eventTotal }];
        var outside = all.Where(i => !within(i)).ToList();
        if (outside.Count > 0)
        {
            rows.Add(Group("outside", T("reports.outside")));
            rows.AddRange(outside.Select(row));
            if (outsideTotal is not null)
            {
                rows.Add(outsideTotal);
            }
        }

        return rows;
    }

    private string T(string key, params object[] args) => args.Length == 0 ? _localizer.Get(_language, key) : _localizer.Format(_language, key, args);

    private ReportColumn Column(string key) => new(T(key), Numeric: false);

    private ReportColumn Number(string key) => new(T(key), Numeric: true);

    private static ReportCell Label(string text) => new(text);

    private static ReportCell Figure(double value, string link) => new(ClosingReportCsv.Number(value), link);

    private static ReportCell Minutes(double? value, string link) => new(value is null ? "–" : ClosingReportCsv.Number(value), link);

    private static ReportRow Group(string key, string text) => new(key, [Label(text)], ReportRowKind.Group);

    private string Named(string english, string chinese) => _language == Localizer.Chinese && chinese.Length > 0 ? chinese : english;

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string Local(DateTimeOffset time, bool seconds = false) =>
        EventTime.Format(time, _zone, seconds ? TimeStyle.DateTimeSeconds : TimeStyle.DateTime);
}
