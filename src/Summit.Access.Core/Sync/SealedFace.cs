namespace Summit.Access.Core.Sync;

/// <summary>
/// One person's face template for a gate device, sealed. The holder's id is in clear (the policy names people by id too); what is
/// sealed is the 128-number descriptor and, for a face-lane VIP, the code of their credential in force, which the lane decides with.
/// </summary>
/// <param name="HolderId">The guest, as the credential's holder id.</param>
/// <param name="FastLane">The person may pass this gate's face lane without a code.</param>
/// <param name="Sealed">base64 of nonce (12 bytes), ciphertext and tag (16 bytes); the holder and gate ids are its associated data.</param>
public sealed record SealedFace(Guid HolderId, bool FastLane, string Sealed);
