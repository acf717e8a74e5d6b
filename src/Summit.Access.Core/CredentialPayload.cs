namespace Summit.Access.Core;

/// <summary>
/// What a credential says, before signing or after decoding. The format version is not a field: the encoder
/// always writes <see cref="CredentialCodec.CurrentVersion"/> and the decoder refuses versions it does not know.
/// </summary>
/// <param name="KeyId">Id of the signing key; gates look the public key up by it.</param>
/// <param name="EventId">Short numeric id of the event the credential belongs to.</param>
/// <param name="Category">Accreditation category code (index or small id) that decides the granted zones.</param>
/// <param name="ExtraZones">Zones granted to this person on top of the category's.</param>
/// <param name="ValidFrom">First valid instant (inclusive), whole UTC minute.</param>
/// <param name="ValidUntil">End of validity (exclusive), whole UTC minute.</param>
public readonly record struct CredentialPayload(
    uint KeyId,
    Guid CredentialId,
    Guid HolderId,
    uint EventId,
    ushort Category,
    ZoneSet ExtraZones,
    DateTimeOffset ValidFrom,
    DateTimeOffset ValidUntil);
