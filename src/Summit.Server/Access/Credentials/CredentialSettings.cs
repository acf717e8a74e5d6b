namespace Summit.Server.Access.Credentials;

/// <summary>How credentials are handed out in the current event.</summary>
/// <param name="IssueOnApproval">Approving an in-person guest issues their credential at once, and the approval mail carries the QR.</param>
public sealed record CredentialSettings(bool IssueOnApproval);
