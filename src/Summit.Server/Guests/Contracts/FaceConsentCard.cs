namespace Summit.Server.Guests.Contracts;

/// <summary>Whether a guest's separate, withdrawable face-verification consent stands, and whether there is a photo to enrol from.</summary>
/// <param name="Given">Consent given and not withdrawn since.</param>
public sealed record FaceConsentCard(Guid GuestId, Guid EventId, bool Given, bool HasPhoto);
