namespace Summit.Server.Infrastructure.Identity;

/// <summary>
/// Where a sign-in attempt comes from: a browser or client that signed in to this account before (its trusted-device cookie), or
/// else its network address. Failures are counted per account and source, so an outsider's failures make only the outsider wait.
/// </summary>
public readonly record struct SignInSource(string Key, bool TrustedDevice);
