namespace Summit.Server.Guests.Contracts;

/// <summary>
/// What the Access module tells the Guests module about a guest's credential (for the portal), so that Guests needs no
/// reference to Access.
/// </summary>
public interface IGuestCredentialView
{
    /// <summary>The guest's credential in force, or null when there is none.</summary>
    Task<GuestPass?> FindAsync(Guid guestId, CancellationToken ct);

    /// <summary>The pass's QR code as a square PNG, large enough to scan from a phone screen.</summary>
    byte[] QrPng(GuestPass pass);
}
