namespace Summit.Server.Programme.Timetable;

/// <summary>
/// A placed session whose expected demand is above what its room seats in its layout: the guests who put it in their agenda, the attendance
/// staff expect, the demand (see <see cref="ProgrammeState.DemandOf"/>), the room's capacity, and a suggested swap: a session at the same time in a room that seats this
/// demand, whose own demand fits this room (null when there is none).
/// </summary>
public sealed record DemandOverflow(
    Guid SessionId,
    string TitleEn,
    string TitleZh,
    int Chosen,
    int Expected,
    int Demand,
    int Capacity,
    Guid? SwapSessionId = null,
    string? SwapTitleEn = null,
    string? SwapTitleZh = null,
    string? SwapRoomCode = null,
    int? SwapRoomCapacity = null,
    int? SwapDemand = null,
    int Registered = 0);
