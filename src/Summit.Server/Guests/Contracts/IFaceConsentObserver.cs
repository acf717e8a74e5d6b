namespace Summit.Server.Guests.Contracts;

/// <summary>
/// Told when a guest's face consent or photo changes, inside the Guests module's unit of work, so that a withdrawal and the
/// deletion of what depended on it are saved together (issue 14: withdrawal deletes the template at once).
/// </summary>
public interface IFaceConsentObserver
{
    Task OnFaceConsentChangedAsync(FaceConsentChange change, CancellationToken ct);
}
