using Summit.Access.Core;

namespace Summit.Server.Access.Scanning;

/// <summary>A scanned code decoded, with its signature as checked against one policy snapshot's keys.</summary>
internal readonly record struct ScanIdentity(CredentialPayload Payload, SignatureCheck Signature)
{
    public bool Genuine => Signature is SignatureCheck.Valid or SignatureCheck.RetiredKey;
}
