namespace Summit.Access.Core;

/// <summary>
/// The outcome of one scan. <see cref="Credential"/> is set only once the signature has been verified, so a
/// forged or altered code never shows a real person's identity to the operator.
/// </summary>
public readonly record struct Verdict(ReasonCode Reason, CredentialPayload? Credential)
{
    public bool Admitted => Reason.Admits();

    public Guid? CredentialId => Credential?.CredentialId;

    public Guid? HolderId => Credential?.HolderId;
}
