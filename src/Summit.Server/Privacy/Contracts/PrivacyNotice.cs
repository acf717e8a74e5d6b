namespace Summit.Server.Privacy.Contracts;

/// <summary>
/// The privacy notice as it stands for an event now, in one language: written from the settings in force (the retention
/// period and the date it ends), so that it promises nothing that is not configured.
/// </summary>
/// <param name="Version">The notice's text version with the retention in force ("2026-12/90d"): recorded with each consent.</param>
public sealed record PrivacyNotice(string Title, string Intro, IReadOnlyList<NoticeLine> Lines, string ContactAddress, string Version,
    int RetentionDays, DateTimeOffset DeleteAfter);
