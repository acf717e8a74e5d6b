using Summit.Server.Privacy.Contracts;

namespace Summit.Server.Privacy;

/// <summary>What an erasure or purge does (or would do), per module, kind and action, and who it must leave alone.</summary>
public sealed record ErasurePlan(int Persons, IReadOnlyList<DataCount> Counts, IReadOnlyList<HeldPerson> Held)
{
    /// <summary>Whether anything would be deleted or made anonymous.</summary>
    public bool HasWork => Counts.Any(c => c.Action != DataAction.Kept && c.Count > 0);
}
