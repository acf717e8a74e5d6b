namespace Summit.Access.Core.Sync;

public sealed record PresenceDocument(int Zone, DateTimeOffset AsOf, IReadOnlyList<PresenceEntry> Entries);
