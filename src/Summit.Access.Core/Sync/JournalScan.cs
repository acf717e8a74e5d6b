namespace Summit.Access.Core.Sync;

/// <summary>A scan the device decided itself (offline, or as a gate agent), uploaded from its journal.</summary>
public sealed record JournalScan(Guid Nonce, string Code, GateDirection Direction, ReasonCode Reason, DateTimeOffset ScannedAt);
