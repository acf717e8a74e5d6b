namespace Summit.Server.Guests.Portal;

/// <summary>
/// A message Summit wrote to the guest, as the portal lists it: what the mail said, in the language it was written in, when it was
/// written and whether it has left (null: still waiting, or the guest has no address to send it to).
/// </summary>
public sealed record PortalMessage(Guid Id, string Kind, string Subject, string Text, DateTimeOffset WrittenAt, DateTimeOffset? SentAt);
