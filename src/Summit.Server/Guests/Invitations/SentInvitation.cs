namespace Summit.Server.Guests.Invitations;

public sealed record SentInvitation(Guid GuestId, string Link, DateTimeOffset ExpiresAt);
