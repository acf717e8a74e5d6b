namespace Summit.Server.Privacy.Contracts;

/// <summary>
/// One erasure, of one person (a request) or of every person of an event (the purge), inside one transaction. A holder
/// changes only its own records; what must wait for the commit (files) it hands to <see cref="OnCommitted"/>.
/// </summary>
public sealed class ErasureScope(Guid eventId, ErasureCause cause, IReadOnlyList<ErasureTarget> targets, IReadOnlyList<PersonReference> references,
    DateTimeOffset now, DateTimeOffset? cutoff = null)
{
    private readonly List<Action> _afterCommit = [];

    public Guid EventId { get; } = eventId;
    public ErasureCause Cause { get; } = cause;
    public IReadOnlyList<ErasureTarget> Targets { get; } = targets;

    /// <summary>What the holders said of these persons' records that other modules may point to.</summary>
    public IReadOnlyList<PersonReference> References { get; } = references;
    public DateTimeOffset Now { get; } = now;

    /// <summary>For a purge, when the retention period ended: the event step takes what came before it, the persons' step what came after.</summary>
    public DateTimeOffset? Cutoff { get; } = cutoff;

    /// <summary>The pseudonym of each person, by person id.</summary>
    public IReadOnlyDictionary<Guid, Guid> Pseudonyms => _pseudonyms ??= Targets.ToDictionary(t => t.Subject.PersonId, t => t.Pseudonym);

    private Dictionary<Guid, Guid>? _pseudonyms;

    public IReadOnlyList<Guid> PersonIds => [.. Targets.Select(t => t.Subject.PersonId)];

    /// <summary>Work to do once the erasure is committed (deleting files); nothing runs on a dry run or a rollback.</summary>
    public void OnCommitted(Action action) => _afterCommit.Add(action);

    public IReadOnlyList<Action> AfterCommit => _afterCommit;
}
