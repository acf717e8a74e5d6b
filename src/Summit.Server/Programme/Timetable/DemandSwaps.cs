using Summit.Server.Venues.Contracts;

namespace Summit.Server.Programme.Timetable;

/// <summary>
/// Expected demand against capacity, decided in one pure place: a session overflows when its demand (given: the larger of the attendance
/// staff expect and the guests' registrations and agenda picks, <see cref="ProgrammeState.DemandOf"/>) is above its room's capacity in its layout; the swap suggested is a session of exactly the same time in
/// another room that seats this demand and whose own demand fits this room, the least demanded first, then the largest room.
/// </summary>
public static class DemandSwaps
{
    public static List<DemandOverflow> Find(IReadOnlyList<Session> placed, IReadOnlyDictionary<Guid, ReservableRoom> rooms, Func<Session, int> chosen,
        Func<Session, int>? demandOf = null, Func<Session, int>? registered = null)
    {
        int Demand(Session s) => demandOf?.Invoke(s) ?? Math.Max(s.ExpectedAttendance, chosen(s));
        int? Capacity(Guid? roomId, SeatingLayout layout) => roomId is { } id && rooms.TryGetValue(id, out var room) ? room.CapacityFor(layout) : null;
        var overflows = new List<DemandOverflow>();
        foreach (var session in placed.Where(s => s.RoomId is not null && s.StartsAt is not null).OrderBy(s => s.StartsAt).ThenBy(s => s.Id))
        {
            var demand = Demand(session);
            if (Capacity(session.RoomId, session.Layout) is not { } capacity || demand <= capacity)
            {
                continue;
            }

            var swap = placed
                .Where(o => o.Id != session.Id && o.RoomId is not null && o.RoomId != session.RoomId && o.StartsAt == session.StartsAt && o.EndsAt == session.EndsAt)
                .Select(o => (Other: o, Seats: Capacity(o.RoomId, session.Layout) ?? 0, OtherDemand: Demand(o)))
                .Where(x => x.Seats >= demand && x.OtherDemand <= (Capacity(session.RoomId, x.Other.Layout) ?? 0))
                .OrderBy(x => x.OtherDemand).ThenByDescending(x => x.Seats).ThenBy(x => x.Other.Id)
                .FirstOrDefault();
            var overflow = new DemandOverflow(session.Id, session.TitleEn, session.TitleZh, chosen(session), session.ExpectedAttendance, demand, capacity,
                Registered: registered?.Invoke(session) ?? 0);
            overflows.Add(swap.Other is null ? overflow : overflow with
            {
                SwapSessionId = swap.Other.Id,
                SwapTitleEn = swap.Other.TitleEn,
                SwapTitleZh = swap.Other.TitleZh,
                SwapRoomCode = rooms[swap.Other.RoomId!.Value].Code,
                SwapRoomCapacity = swap.Seats,
                SwapDemand = swap.OtherDemand,
            });
        }

        return overflows;
    }
}
