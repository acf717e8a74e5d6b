using Summit.Access.Core;

namespace Summit.Server.Access.Contracts;

/// <summary>One scan as a live tally counts it: no person, no credential.</summary>
public sealed record ScanTallyItem(Guid ScanId, Guid GateId, DateTimeOffset ScannedAt, GateDirection Direction, bool Admitted, ReasonCode Reason);
