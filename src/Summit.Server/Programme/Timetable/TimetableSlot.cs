using Summit.Server.Programme.Rules;

namespace Summit.Server.Programme.Timetable;

/// <summary>A session placed on the day's grid, with the gravest severity among its conflicts (none: no conflict) and how many guests chose it.</summary>
public sealed record TimetableSlot(Guid SessionId, Guid ForumId, SessionKind Kind, string TitleEn, string TitleZh, Guid RoomId, DateTimeOffset StartsAt,
    DateTimeOffset EndsAt, int ExpectedAttendance, RuleSeverity? Worst, int Chosen = 0);
