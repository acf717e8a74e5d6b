namespace Summit.Server.Infrastructure;

/// <summary>Which days a report figure covers: the event's own dates, or the days outside them (set-up days, tests, a demo run later).</summary>
public enum ReportSpan
{
    Event = 0,
    Outside = 1,
}
