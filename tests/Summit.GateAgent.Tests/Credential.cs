using Summit.Access.Core;

namespace Summit.GateAgent.Tests;

internal sealed record Credential(CredentialPayload Payload, string Code)
{
    public Guid Id => Payload.CredentialId;
}
