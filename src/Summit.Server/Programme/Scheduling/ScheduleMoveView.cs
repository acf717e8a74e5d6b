namespace Summit.Server.Programme.Scheduling;

/// <summary>A line of the proposal's diff: the session (both titles), where it is now (nothing: not placed) and where it would go.</summary>
public sealed record ScheduleMoveView(
    Guid SessionId,
    string TitleEn,
    string TitleZh,
    Guid? FromRoomId,
    string? FromRoom,
    DateTimeOffset? FromStartsAt,
    DateTimeOffset? FromEndsAt,
    Guid ToRoomId,
    string ToRoom,
    DateTimeOffset ToStartsAt,
    DateTimeOffset ToEndsAt);
