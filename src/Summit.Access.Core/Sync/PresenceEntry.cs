namespace Summit.Access.Core.Sync;

/// <summary>One credential's movements through a zone, as the server last knew them.</summary>
/// <param name="DayStart">Start of the access day <see cref="EntriesInDay"/> counts from.</param>
public sealed record PresenceEntry(Guid CredentialId, bool Inside, DateTimeOffset? LastEntryAt, DateTimeOffset? LastExitAt,
    DateTimeOffset DayStart, int EntriesInDay);
