using Summit.Server.Programme.Timetable;
using Summit.Server.Venues.Contracts;

namespace Summit.Server.Programme.Sessions;

/// <summary>
/// The details of a refused edit (the problem's <c>details</c>): the programme's conflicts that refuse it (<c>programme.edit_blocked</c>), or
/// the venue's reasons for refusing the room (<c>programme.room_refused</c>).
/// </summary>
public sealed record ProgrammeRefusal(IReadOnlyList<ProgrammeConflictView> Conflicts, IReadOnlyList<ReservationConflict> VenueConflicts);
