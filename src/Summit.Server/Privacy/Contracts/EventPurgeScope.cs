namespace Summit.Server.Privacy.Contracts;

/// <summary>
/// The part of a purge that is about the event rather than a person: records no module can tie to one person (incident
/// photos, sensor hold notes, staff mail, addresses in the audit trail), up to the moment the retention period ended.
/// </summary>
/// <param name="Cutoff">When the event's retention period ended.</param>
/// <param name="HeldPersons">Persons kept under a legal hold: their records stay.</param>
/// <param name="ErasedPersons">
/// The persons the same purge erases just before: a dry run must not count their records here as well (the real run has already
/// taken them away by then).
/// </param>
/// <param name="OnCommitted">Hands over work to do once the purge has committed (deleting files).</param>
public sealed record EventPurgeScope(Guid EventId, DateTimeOffset Cutoff, DateTimeOffset Now, IReadOnlySet<Guid> HeldPersons,
    IReadOnlySet<Guid> ErasedPersons, Action<Action> OnCommitted);
