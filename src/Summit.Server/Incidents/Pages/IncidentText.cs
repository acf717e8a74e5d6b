using System.Globalization;
using MudBlazor;
using Summit.Server.Incidents.Reading;
using Summit.Server.Infrastructure.Incidents;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Incidents.Pages;

/// <summary>How the incident pages say things: SLA clocks, colours per severity and status, names of teams and times.</summary>
public static class IncidentText
{
    private static bool Chinese => Localizer.LanguageOf(CultureInfo.CurrentUICulture) == Localizer.Chinese;

    public static string Title(IncidentSummary incident) => Chinese && !string.IsNullOrEmpty(incident.TitleZh) ? incident.TitleZh : incident.Title;

    public static string Place(IncidentPlaceView place) => Chinese ? place.LabelZh : place.LabelEn;

    public static string Summary(EvidenceView evidence) => Chinese ? evidence.SummaryZh : evidence.SummaryEn;

    public static string Team(Localizer l, string? team) => team is null ? "—" : l[$"incidents.team.{team}"];

    /// <summary>"12 min left to acknowledge" or "overdue by 3 min (resolve)".</summary>
    public static string Sla(Localizer l, SlaClock? sla, DateTimeOffset now)
    {
        if (sla is null)
        {
            return "—";
        }

        var left = sla.DueAt - now;
        return left > TimeSpan.Zero
            ? l[$"incidents.sla.left.{sla.Step}", Duration(l, left)]
            : l[$"incidents.sla.overdue.{sla.Step}", Duration(l, -left)];
    }

    public static string Duration(Localizer l, TimeSpan span) => span.TotalMinutes < 60
        ? l["incidents.duration.minutes", Math.Max(0, (int)Math.Ceiling(span.TotalMinutes))]
        : l["incidents.duration.hours", (int)span.TotalHours, span.Minutes];

    /// <summary>A time as the venue's clocks show it (the event's time zone), whatever the server's own zone.</summary>
    public static string Time(DateTimeOffset? at, TimeZoneInfo zone) => EventTime.Format(at, zone);

    public static Color SeverityColor(IncidentSeverity severity) => severity switch
    {
        IncidentSeverity.Critical => Color.Error,
        IncidentSeverity.High => Color.Warning,
        IncidentSeverity.Medium => Color.Info,
        _ => Color.Default,
    };

    public static Color StatusColor(IncidentStatus status) => status switch
    {
        IncidentStatus.Open => Color.Error,
        IncidentStatus.Acknowledged => Color.Warning,
        IncidentStatus.InProgress => Color.Info,
        IncidentStatus.Resolved => Color.Success,
        _ => Color.Default,
    };

    /// <summary>The button that moves an incident to a status: reopen reads differently from a first open.</summary>
    public static string ActionLabel(Localizer l, IncidentStatus to) => l[$"incidents.action.{to}"];
}
