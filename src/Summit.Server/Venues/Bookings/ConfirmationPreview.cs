namespace Summit.Server.Venues.Bookings;

/// <summary>
/// Which pending requests a confirmation would reject (issue 12): those that the booking, once confirmed, would newly keep from being
/// confirmed, because it then holds their room at their time (buffers included) or leaves too few of an item they need. Pure, like
/// <see cref="BookingRules"/>, whose answer it compares with and without the confirmation: no conflict is decided here.
/// <para>
/// A request that cannot be confirmed already (its room is blocked, another confirmed booking holds it, it is too big for the room) is not
/// this confirmation's doing and is left for the venue manager to decide.
/// </para>
/// </summary>
public static class ConfirmationPreview
{
    /// <summary>The pending bookings <paramref name="confirming"/> would push out, each with the conflicts it would then have because of it.</summary>
    /// <param name="confirming">The pending booking about to be confirmed.</param>
    /// <param name="pending">Other pending bookings (of any room) whose period may touch it; the booking itself, if among them, is ignored.</param>
    /// <param name="facts">What the rules need, read for a period covering all of them.</param>
    public static IReadOnlyList<(Booking Pending, IReadOnlyList<BookingConflict> Conflicts)> WouldReject(Booking confirming, IEnumerable<Booking> pending,
        BookingFacts facts)
    {
        var withIt = facts with { Confirmed = [.. facts.Confirmed.Where(b => b.Id != confirming.Id), AsConfirmed(confirming)] };
        var rooms = facts.Rooms.ToDictionary(r => r.Id);
        var answer = new List<(Booking, IReadOnlyList<BookingConflict>)>();
        foreach (var other in pending.Where(p => p.Id != confirming.Id && p.State == BookingState.Pending
                     && BookingRules.Overlaps(p.BlockedFrom, p.BlockedUntil, confirming.BlockedFrom, confirming.BlockedUntil))
                     .OrderBy(p => p.StartsAt).ThenBy(p => p.Id))
        {
            if (!rooms.TryGetValue(other.RoomId, out var room))
            {
                continue;
            }

            var before = facts.Check(other, room);
            var shortBefore = before.Where(c => c.Kind == BookingConflictKind.EquipmentShort).Select(c => c.WithId).ToHashSet();
            var caused = withIt.Check(other, room).Where(c =>
                (c.Kind == BookingConflictKind.Overlap && c.WithId == confirming.Id)
                || (c.Kind == BookingConflictKind.EquipmentShort && !shortBefore.Contains(c.WithId))).ToList();
            if (caused.Count > 0)
            {
                answer.Add((other, caused));
            }
        }

        return answer;
    }

    /// <summary>A copy of the booking as it will be once confirmed (the stored one stays pending until the confirmation is saved).</summary>
    private static Booking AsConfirmed(Booking booking)
    {
        var copy = new Booking
        {
            Id = booking.Id,
            EventId = booking.EventId,
            RoomId = booking.RoomId,
            Title = booking.Title,
            Layout = booking.Layout,
            ExpectedAttendance = booking.ExpectedAttendance,
            Equipment = booking.Equipment,
            State = BookingState.Confirmed,
        };
        copy.SetTimes(booking.StartsAt, booking.EndsAt, booking.SetupMinutes, booking.TeardownMinutes);
        return copy;
    }
}
