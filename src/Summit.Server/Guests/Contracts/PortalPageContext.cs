namespace Summit.Server.Guests.Contracts;

/// <summary>What the guest portal shares with the sections other modules show on it (<see cref="PortalPage"/>).</summary>
/// <param name="Token">The invitation token the portal was opened with: a section's service resolves it again (<see cref="IPortalGuests"/>).</param>
/// <param name="TimeZoneId">The event's time zone.</param>
/// <param name="GuestTimeZoneId">The zone the guest chose to read times in (null: the event's): a section shows its times in it, the event's beside.</param>
public sealed record PortalPageContext(Guid GuestId, string Token, string TimeZoneId, string? GuestTimeZoneId = null);
