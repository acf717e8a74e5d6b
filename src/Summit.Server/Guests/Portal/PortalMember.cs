using Summit.Server.Guests.Domain;

namespace Summit.Server.Guests.Portal;

public sealed record PortalMember(Guid GuestId, string Name, GuestStatus Status, bool IsSelf);
