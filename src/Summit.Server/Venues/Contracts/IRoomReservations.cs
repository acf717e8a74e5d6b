namespace Summit.Server.Venues.Contracts;

/// <summary>
/// How another module (the programme) holds rooms for what it schedules: a confirmed booking of holder kind Session per session, judged
/// by the venues module's own booking rules (overlap, blockings, layout, capacity, equipment, hours; docs/guide/venues.md). Every call joins
/// the caller's unit of work: it saves through the request's DbContext, so inside the caller's transaction a placement and its booking
/// commit or roll back together. A refusal is returned, not thrown, so that the caller can refuse its own edit with the venue's reasons.
/// </summary>
public interface IRoomReservations
{
    /// <summary>The rooms of the current event, with their venue and capacity per layout, in the venues' order.</summary>
    Task<IReadOnlyList<ReservableRoom>> ListRoomsAsync(CancellationToken ct = default);

    /// <summary>
    /// What takes the event's rooms within [from, until): confirmed bookings with their buffers and blockings, for a planner (the programme's
    /// solver) to keep clear of. A pending booking is left out: it does not stop a confirmed one.
    /// </summary>
    Task<IReadOnlyList<RoomOccupation>> ListOccupiedAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken ct = default);

    /// <summary>The event's mobile equipment stock (items a reservation may ask for), by English name.</summary>
    Task<IReadOnlyList<EquipmentStock>> ListEquipmentAsync(CancellationToken ct = default);

    /// <summary>
    /// The equipment confirmed bookings of any room hold within [from, until) (their buffers included), for a planner to see what a session's
    /// booking holds and what the stock leaves at a time.
    /// </summary>
    Task<IReadOnlyList<EquipmentUse>> ListEquipmentUseAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken ct = default);

    /// <summary>Books the room for the session, confirmed, or says why the venue refuses it (nothing is then written).</summary>
    Task<ReservationOutcome> ReserveAsync(SessionReservation reservation, CancellationToken ct = default);

    /// <summary>
    /// Moves a booking made by <see cref="ReserveAsync"/> to another room or time, with the reservation's equipment in place of its lines when
    /// it names any list (same booking, audited), or says why not.
    /// </summary>
    Task<ReservationOutcome> MoveAsync(Guid bookingId, SessionReservation reservation, CancellationToken ct = default);

    /// <summary>Cancels a booking made by <see cref="ReserveAsync"/> (its room is free again), with the reason kept on it.</summary>
    Task ReleaseAsync(Guid bookingId, string reason, CancellationToken ct = default);
}
