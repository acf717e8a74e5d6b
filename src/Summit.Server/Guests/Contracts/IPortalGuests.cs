namespace Summit.Server.Guests.Contracts;

/// <summary>
/// How another module's portal section knows whom it serves: the guest of an invitation token, checked as the portal checks it (an unknown,
/// revoked or expired token is refused with the portal's own codes, invitation.not_found, .revoked, .expired). The caller decides what the
/// guest's status allows.
/// </summary>
public interface IPortalGuests
{
    Task<PortalGuest> ResolveAsync(string token, CancellationToken ct = default);
}
