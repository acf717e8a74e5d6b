using Google.OrTools.Sat;

namespace Summit.Server.Programme.Scheduling;

/// <summary>The variables of one session the solver may place: its start (minutes from the origin), a Boolean per room, their intervals, the venues.</summary>
internal sealed record SessionVars(
    ScheduleSession Session,
    IntVar Start,
    long Length,
    IReadOnlyDictionary<Guid, BoolVar> Rooms,
    IReadOnlyDictionary<Guid, IntervalVar> RoomIntervals,
    IReadOnlyDictionary<Guid, ILiteral> Venues,
    IntervalVar Time)
{
    /// <summary>True when the session keeps its previous placement (set with the objective).</summary>
    public BoolVar? Stays { get; set; }
}
