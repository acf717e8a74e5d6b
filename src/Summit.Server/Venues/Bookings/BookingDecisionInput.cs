namespace Summit.Server.Venues.Bookings;

/// <summary>Why a booking is cancelled or rejected (kept on the booking and in the audit log).</summary>
public sealed record BookingDecisionInput(string? Reason = null);
