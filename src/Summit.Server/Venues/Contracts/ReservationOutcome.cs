namespace Summit.Server.Venues.Contracts;

/// <summary>A reservation's answer: the booking's id when the room is held, otherwise every reason the venue refuses it.</summary>
public sealed record ReservationOutcome(Guid? BookingId, IReadOnlyList<ReservationConflict> Conflicts)
{
    public bool Reserved => BookingId is not null;
}
