namespace Summit.Server.Privacy.Contracts;

/// <summary>
/// The person a privacy request or a purge is about, as the Guests module knows them before anything is erased: the id every
/// module links its records by, the forms of the name and the address other modules' free text may mention, and the keys
/// the audit trail knows the person by.
/// </summary>
/// <param name="NameForms">Full names as people write them (Latin, original script, family name first or last), to find mentions.</param>
/// <param name="AuditEntity">The audit records about the person: entity type and id.</param>
/// <param name="AuditActor">The actor id the person's own acts carry in the audit trail (their portal use).</param>
public sealed record DataSubject(Guid PersonId, Guid EventId, string DisplayName, string Email, IReadOnlyList<string> NameForms,
    (string Type, string Id) AuditEntity, string AuditActor);

/// <summary>One field of a personal record: a stable machine name and its value (text, number, time, flag, bytes or null).</summary>
public sealed record PersonalField(string Name, object? Value);

/// <summary>One record a module holds about a person, as the export shows it.</summary>
/// <param name="Kind">A stable word for the record's kind, unique within its area ("guest", "scan", "mail").</param>
public sealed record PersonalRecord(string Kind, IReadOnlyList<PersonalField> Fields);

/// <summary>What one module holds about the person, for the export: its records, and a note when it holds data it cannot link.</summary>
/// <param name="NoteKey">A catalog key that explains what the module holds without a link to the person, or null.</param>
public sealed record PersonalDataSection(string Area, IReadOnlyList<PersonalRecord> Records, string? NoteKey = null);

/// <summary>What an erasure or a purge does, or would do, to one kind of record of one module.</summary>
/// <param name="Kind">A stable word for the records ("photo", "scan-link", "mail").</param>
public sealed record DataCount(string Area, string Kind, DataAction Action, int Count);

public enum DataAction
{
    /// <summary>The records are removed.</summary>
    Deleted,

    /// <summary>The records stay, without anything that identifies the person (they carry a random key instead, or no text).</summary>
    Anonymized,

    /// <summary>The records stay as they are, for the reason the holder states (a legal hold, a code still in force).</summary>
    Kept,
}

/// <summary>Why a person's data cannot be erased now: a stable code with the values of its message ("privacy.hold.{code}").</summary>
public sealed record LegalHold(Guid PersonId, string Area, string Code, IReadOnlyList<object> Args);

/// <summary>A record of one module that another module's records may point to (an entry conflict an incident holds as evidence).</summary>
public sealed record PersonReference(Guid PersonId, string Kind, string Reference);

public enum ErasureCause
{
    /// <summary>An officer carries out the person's request.</summary>
    Request,

    /// <summary>The event's retention period has ended.</summary>
    Retention,
}

/// <summary>One person to erase, and the random key their kept records carry from now on (never stored anywhere else).</summary>
public sealed record ErasureTarget(DataSubject Subject, Guid Pseudonym);

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

/// <summary>The text that replaces erased free text, so that a reader sees something was there.</summary>
public static class ErasedText
{
    public const string Marker = "[erased]";

    /// <summary>Replaces every mention of the name forms and the address in a text by the marker (case-insensitive); null stays null.</summary>
    public static string? Without(string? text, DataSubject subject)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var form in MentionForms(subject))
        {
            text = text.Replace(form, Marker, StringComparison.OrdinalIgnoreCase);
        }

        return text;
    }

    /// <summary>Whether the text mentions the person by a full name or the address.</summary>
    public static bool Mentions(string? text, DataSubject subject) =>
        !string.IsNullOrEmpty(text) && MentionForms(subject).Any(form => text.Contains(form, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Longest first, so that "Xiaoming WANG" is replaced before a shorter form inside it. Full names only (a Chinese one may
    /// have two characters); a lone family name would match other people.
    /// </summary>
    private static IEnumerable<string> MentionForms(DataSubject subject) =>
        subject.NameForms.Append(subject.Email).Where(f => f.Trim().Length >= 2).Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(f => f.Length);
}
