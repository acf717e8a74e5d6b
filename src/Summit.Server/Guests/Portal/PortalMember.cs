using Summit.Server.Guests.Contracts;

namespace Summit.Server.Guests.Portal;

public sealed record PortalMember(Guid GuestId, string Name, GuestStatus Status, bool IsSelf);
