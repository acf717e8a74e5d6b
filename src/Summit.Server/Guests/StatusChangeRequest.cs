using Summit.Server.Guests.Contracts;

namespace Summit.Server.Guests;

/// <param name="Reason">The internal reason (required for a rejection), kept for staff.</param>
/// <param name="MessageToGuest">For a rejection: what the guest is told in the rejection mail, as the officer chose to share it (optional).</param>
public sealed record StatusChangeRequest(GuestStatus To, string? Reason, Guid? ConcurrencyStamp, string? MessageToGuest = null);
