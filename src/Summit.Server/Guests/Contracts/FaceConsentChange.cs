namespace Summit.Server.Guests.Contracts;

/// <summary>A guest's face consent was given or withdrawn, or the photo replaced while it stands.</summary>
/// <param name="Given">The consent as it stands after the change.</param>
/// <param name="PhotoChanged">A new photo was stored in the same unit of work.</param>
public sealed record FaceConsentChange(Guid GuestId, Guid EventId, bool Given, bool PhotoChanged);
