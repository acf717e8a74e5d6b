namespace Summit.Server.Infrastructure.Identity;

/// <summary>Summit:Security: sign-in, sessions and the limits that keep sign-in from being used as a weapon (docs/security.md).</summary>
public sealed class SecurityOptions
{
    /// <summary>When true, an Admin without an authenticator app is sent to set one up before anything else.</summary>
    public bool RequireAdminTwoFactor { get; set; } = true;

    /// <summary>How often an open Blazor circuit checks that its user's session still stands (roles, password, account).</summary>
    public TimeSpan SessionRevalidationInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Failed sign-ins from one source for one account before that source waits.</summary>
    public int FailuresBeforeBackoff { get; set; } = 5;

    /// <summary>The first wait; each further failure from the same source doubles it, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Failed sign-ins per account and hour, over all sources without a trusted-device cookie, before those sources wait.</summary>
    public int AccountFailuresPerHour { get; set; } = 100;

    /// <summary>Sign-in and two-factor requests per minute from one address (IPv4 address or IPv6 /64).</summary>
    public int SignInRequestsPerMinute { get; set; } = 30;

    /// <summary>Guest portal requests per minute from one address.</summary>
    public int PortalRequestsPerMinute { get; set; } = 120;

    /// <summary>Guest portal requests per minute with one invitation link, from any address.</summary>
    public int PortalRequestsPerInvitationPerMinute { get; set; } = 60;

    /// <summary>The TLS-terminating proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (addresses).</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>The same, as networks in CIDR notation (10.0.0.0/8).</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>Strict-Transport-Security max-age sent over HTTPS.</summary>
    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(365);
}
