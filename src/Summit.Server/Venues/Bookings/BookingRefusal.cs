namespace Summit.Server.Venues.Bookings;

/// <summary>The details of a refused booking (the problem's <c>details</c>): every conflict, and the rooms free instead.</summary>
public sealed record BookingRefusal(IReadOnlyList<ConflictView> Conflicts, IReadOnlyList<RoomAlternativeView> Alternatives);
