namespace Summit.Server.Guests.Contracts;

/// <summary>
/// What the Faces module tells the Guests module about a guest's face enrolment (for the portal), so that Guests needs no reference
/// to Faces: the guest sees why a photo was refused and can upload a better one.
/// </summary>
public interface IGuestFaceView
{
    /// <summary>The enrolment's state, or null when nothing was enrolled or queued.</summary>
    Task<GuestFaceStatus?> FindAsync(Guid guestId, CancellationToken ct);
}
