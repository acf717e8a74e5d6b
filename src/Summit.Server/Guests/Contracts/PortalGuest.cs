namespace Summit.Server.Guests.Contracts;

/// <summary>
/// The guest an invitation token opens the portal for: their id, event, status and language (for what another module writes to them), and the
/// IANA time zone they chose to read times in (null: the event's).
/// </summary>
public sealed record PortalGuest(Guid GuestId, Guid EventId, GuestStatus Status, string Language, string? TimeZoneId = null);
