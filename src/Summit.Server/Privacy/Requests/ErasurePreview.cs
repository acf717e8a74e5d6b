using Summit.Server.Privacy.Contracts;

namespace Summit.Server.Privacy;

/// <summary>What an erasure would do, and what holds it back.</summary>
public sealed record ErasurePreview(Guid PersonId, string DisplayName, IReadOnlyList<DataCount> Counts, IReadOnlyList<HoldView> Holds);
