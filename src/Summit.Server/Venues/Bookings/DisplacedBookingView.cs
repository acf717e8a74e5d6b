namespace Summit.Server.Venues.Bookings;

/// <summary>A pending request that a confirmation rejects, and why: the conflicts the confirmed booking would give it.</summary>
public sealed record DisplacedBookingView(BookingView Booking, IReadOnlyList<ConflictView> Conflicts);
