namespace Summit.Server.Access.Contracts;

/// <summary>People who entered a zone on a day (event time) in one accreditation category (the one they held when they entered).</summary>
/// <param name="WithinEvent">False for a day outside the event's dates: shown apart, never in the event's totals.</param>
public sealed record AttendanceRow(DateOnly Day, bool WithinEvent, int Zone, string ZoneCode, string ZoneNameEn, string ZoneNameZh, Guid CategoryId,
    string CategoryCode, int Persons, int Entries, string CategoryNameEn = "", string CategoryNameZh = "");
