using Summit.Server.Infrastructure.Identity;

namespace Summit.Server.Infrastructure.Security;

/// <summary>The endpoints whose requests are counted, and so limited, together.</summary>
public static class RateLimitFamily
{
    /// <summary>Sign-in and two-factor: per address (failures are also counted per account by <see cref="SignInThrottle"/>).</summary>
    public const string SignIn = "sign-in";

    /// <summary>The guest portal: per address and per invitation link.</summary>
    public const string Portal = "portal";

    /// <summary>What is published to everyone (the public programme and its export): per address, at the portal's rate.</summary>
    public const string Public = "public";
}
