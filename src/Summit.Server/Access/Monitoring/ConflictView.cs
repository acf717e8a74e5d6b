using Summit.Server.Access.Contracts;

namespace Summit.Server.Access.Monitoring;

public sealed record ConflictView(Guid Id, Guid GuestId, string HolderName, int Zone, string ZoneCode, ScanListItem First, ScanListItem Second,
    DateTimeOffset DetectedAt, DateTimeOffset? ResolvedAt, string? ResolvedBy, string? Resolution);
