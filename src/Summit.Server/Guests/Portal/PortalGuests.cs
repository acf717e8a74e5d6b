using Summit.Server.Guests.Contracts;
using Summit.Server.Guests.Invitations;

namespace Summit.Server.Guests.Portal;

/// <summary>The guest of a portal token for other modules' portal sections, checked as the portal itself checks the token.</summary>
public sealed class PortalGuests(InvitationService invitations) : IPortalGuests
{
    public async Task<PortalGuest> ResolveAsync(string token, CancellationToken ct = default)
    {
        var invitation = await invitations.ResolveAsync(token, allowUsed: true, ct);
        var guest = invitation.Guest!;
        return new PortalGuest(guest.Id, guest.EventId, guest.Status, guest.Language, guest.TimeZoneId);
    }
}
