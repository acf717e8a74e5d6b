namespace Summit.Server.Privacy.Contracts;

/// <summary>
/// What every module that keeps personal data implements, so that the Privacy module can export, erase and purge it without
/// knowing the module's tables. A holder changes only its own records, through the caller's unit of work (one transaction for
/// the whole erasure), and answers a dry run with exactly the counts the real run then reports.
/// </summary>
public interface IPersonalDataHolder
{
    /// <summary>A stable word for the module's data ("guests", "access"): the export's section and the counts' area.</summary>
    string Area { get; }

    /// <summary>Everything the module holds about the person (<paramref name="references"/>: the person's records other modules named).</summary>
    Task<PersonalDataSection> ExportAsync(DataSubject subject, IReadOnlyList<PersonReference> references, CancellationToken ct);

    /// <summary>The module's records of these persons that other modules' records may point to (for <see cref="ErasureScope.References"/>).</summary>
    Task<IReadOnlyList<PersonReference>> ReferencesAsync(IReadOnlyList<Guid> personIds, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<PersonReference>>([]);

    /// <summary>Why some of these persons cannot be erased now (for this cause); empty when nothing holds them.</summary>
    Task<IReadOnlyList<LegalHold>> HoldsAsync(IReadOnlyList<DataSubject> subjects, IReadOnlyList<PersonReference> references, ErasureCause cause,
        CancellationToken ct);

    /// <summary>Erases the targets' data: deletes it, or keeps it under each target's pseudonym without what identifies them.</summary>
    Task<IReadOnlyList<DataCount>> EraseAsync(ErasureScope scope, bool dryRun, CancellationToken ct);

    /// <summary>After the retention period: the event's records that belong to no one person (runs after <see cref="EraseAsync"/>).</summary>
    Task<IReadOnlyList<DataCount>> PurgeEventAsync(EventPurgeScope scope, bool dryRun, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<DataCount>>([]);
}
