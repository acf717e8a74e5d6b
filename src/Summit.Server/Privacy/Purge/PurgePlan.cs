using Summit.Server.Privacy.Contracts;

namespace Summit.Server.Privacy;

/// <summary>The dry run of an event's purge: what it deletes or makes anonymous, per module and kind, and whom it keeps and why.</summary>
/// <param name="Due">The retention period has ended: the purge may run.</param>
public sealed record PurgePlan(Guid EventId, string EventName, RetentionView Retention, bool Due, int Persons, IReadOnlyList<DataCount> Counts,
    IReadOnlyList<HeldPersonView> Held)
{
    public bool HasWork => Counts.Any(c => c.Action != DataAction.Kept && c.Count > 0);
}
