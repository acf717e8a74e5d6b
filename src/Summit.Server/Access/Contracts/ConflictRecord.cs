namespace Summit.Server.Access.Contracts;

/// <summary>A double entry found in offline uploads, as it stood at the report's moment (a resolution after it is not shown).</summary>
public sealed record ConflictRecord(Guid Id, string ZoneCode, Guid GuestId, string? HolderName, ScanListItem First, ScanListItem Second,
    DateTimeOffset DetectedAt, DateTimeOffset? ResolvedAt, string? ResolvedBy, string? Resolution);
