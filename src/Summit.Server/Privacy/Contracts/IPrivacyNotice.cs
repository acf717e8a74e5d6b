namespace Summit.Server.Privacy.Contracts;

/// <summary>The Privacy module's notice, for the pages and mail that show it (the guest portal).</summary>
public interface IPrivacyNotice
{
    Task<PrivacyNotice> ForEventAsync(Guid eventId, string eventName, string language, CancellationToken ct);
}
