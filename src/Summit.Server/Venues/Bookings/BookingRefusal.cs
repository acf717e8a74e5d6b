namespace Summit.Server.Venues.Bookings;

/// <summary>
/// The details of a refused booking (the problem's <c>details</c>): every conflict, the rooms free instead, and, for a Protocol booking
/// that only Normal confirmed bookings of its room stand in the way of, those bookings: asked again with <c>displace: true</c>, it
/// displaces them.
/// </summary>
public sealed record BookingRefusal(IReadOnlyList<ConflictView> Conflicts, IReadOnlyList<RoomAlternativeView> Alternatives,
    IReadOnlyList<ConflictView>? Displaceable = null);
