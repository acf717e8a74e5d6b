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
