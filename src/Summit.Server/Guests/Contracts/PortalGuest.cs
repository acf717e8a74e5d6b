namespace Summit.Server.Guests.Contracts;

/// <summary>The guest an invitation token opens the portal for: their id, event, status and language (for what another module writes to them).</summary>
public sealed record PortalGuest(Guid GuestId, Guid EventId, GuestStatus Status, string Language);
