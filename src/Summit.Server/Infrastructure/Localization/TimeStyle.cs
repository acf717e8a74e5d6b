namespace Summit.Server.Infrastructure.Localization;

/// <summary>How much of a moment <see cref="EventTime"/> writes.</summary>
public enum TimeStyle
{
    /// <summary>2026-09-26 09:30 CST (UTC+8)</summary>
    DateTime,

    /// <summary>09:30 CST (UTC+8)</summary>
    Time,

    /// <summary>09:30:15 CST (UTC+8), for scans and readings that staff compare with a clock.</summary>
    Seconds,

    /// <summary>2026-09-26 09:30:15 CST (UTC+8), for records (the audit log, readings in incidents and mail).</summary>
    DateTimeSeconds,
}
