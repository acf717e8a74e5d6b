using Summit.Server.Access.Badges;
using Summit.Server.Guests.Contracts;

namespace Summit.Server.Access.Credentials;

/// <summary>Shows the Guests module (the guest portal) a guest's credential in force and its QR code.</summary>
public sealed class GuestCredentialView(CredentialService credentials) : IGuestCredentialView
{
    public async Task<GuestPass?> FindAsync(Guid guestId, CancellationToken ct) =>
        (await credentials.GetPassesAsync([guestId], ct)).GetValueOrDefault(guestId);

    public byte[] QrPng(GuestPass pass) => BadgeRenderer.QrPng(pass.Code, CredentialService.QrPixels);
}
