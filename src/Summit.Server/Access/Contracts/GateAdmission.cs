namespace Summit.Server.Access.Contracts;

/// <summary>A person a gate can admit, by the credential that lets them in; <see cref="Code"/> only when asked for.</summary>
public sealed record GateAdmission(Guid HolderId, Guid CredentialId, string? Code);
