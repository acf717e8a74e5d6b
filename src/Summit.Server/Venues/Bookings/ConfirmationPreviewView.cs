namespace Summit.Server.Venues.Bookings;

/// <summary>
/// What confirming a pending booking would do: its own conflicts (empty: it can be confirmed) and the other pending requests it would
/// reject, each with the conflicts it would then have.
/// </summary>
public sealed record ConfirmationPreviewView(BookingView Booking, IReadOnlyList<ConflictView> Conflicts, IReadOnlyList<DisplacedBookingView> WouldReject);
