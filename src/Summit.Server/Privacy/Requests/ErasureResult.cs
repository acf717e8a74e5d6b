using Summit.Server.Privacy.Contracts;

namespace Summit.Server.Privacy;

/// <summary>What an erasure did. The pseudonym is the id the kept records (and the audit entry of the erasure) carry now.</summary>
public sealed record ErasureResult(Guid Pseudonym, DateTimeOffset ErasedAt, IReadOnlyList<DataCount> Counts);
