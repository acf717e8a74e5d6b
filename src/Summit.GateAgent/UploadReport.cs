using Summit.Access.Core.Sync;

namespace Summit.GateAgent;

/// <summary>What one upload round sent and what the server said about it.</summary>
/// <param name="Complete">True when nothing is left to upload; false when the server could not be reached or refused.</param>
public sealed record UploadReport(int Sent, int Recorded, int Duplicates, int Late, IReadOnlyList<EntryConflictInfo> Conflicts, bool Complete);
