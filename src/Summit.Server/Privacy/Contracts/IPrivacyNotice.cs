namespace Summit.Server.Privacy.Contracts;

/// <summary>One line of the privacy notice: a label and its text, in the reader's language.</summary>
public sealed record NoticeLine(string Key, string Label, string Text);

/// <summary>
/// The privacy notice as it stands for an event now, in one language: written from the settings in force (the retention
/// period and the date it ends), so that it promises nothing that is not configured.
/// </summary>
/// <param name="Version">The notice's text version with the retention in force ("2026-12/90d"): recorded with each consent.</param>
public sealed record PrivacyNotice(string Title, string Intro, IReadOnlyList<NoticeLine> Lines, string ContactAddress, string Version,
    int RetentionDays, DateTimeOffset DeleteAfter);

/// <summary>The Privacy module's notice, for the pages and mail that show it (the guest portal).</summary>
public interface IPrivacyNotice
{
    Task<PrivacyNotice> ForEventAsync(Guid eventId, string eventName, string language, CancellationToken ct);
}
