using System.Net;
using Summit.Server.Infrastructure.Options;

namespace Summit.Server.Infrastructure.Identity;

/// <summary>Summit:Security: sign-in, sessions and the limits that keep sign-in from being used as a weapon (docs/security.md).</summary>
public sealed class SecurityOptions : IValidatedOptions
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

    /// <summary>Settings that would lock everyone out, never check a session, or name a proxy that is no address.</summary>
    public IEnumerable<string> Problems()
    {
        if (SessionRevalidationInterval <= TimeSpan.Zero)
        {
            yield return "Summit:Security:SessionRevalidationInterval must be positive.";
        }

        if (FailuresBeforeBackoff < 1 || AccountFailuresPerHour < 1)
        {
            yield return "Summit:Security:FailuresBeforeBackoff and AccountFailuresPerHour must be at least 1.";
        }

        if (FirstBackoff <= TimeSpan.Zero || MaxBackoff < FirstBackoff)
        {
            yield return "Summit:Security:FirstBackoff must be positive and MaxBackoff at least FirstBackoff.";
        }

        foreach (var (name, value) in new[]
                 {
                     (nameof(SignInRequestsPerMinute), SignInRequestsPerMinute), (nameof(PortalRequestsPerMinute), PortalRequestsPerMinute),
                     (nameof(PortalRequestsPerInvitationPerMinute), PortalRequestsPerInvitationPerMinute),
                 })
        {
            if (value < 1)
            {
                yield return $"Summit:Security:{name} must be at least 1.";
            }
        }

        foreach (var proxy in KnownProxies.Where(p => !string.IsNullOrWhiteSpace(p) && !IPAddress.TryParse(p.Trim(), out _)))
        {
            yield return $"Summit:Security:KnownProxies: '{proxy}' is not an IP address.";
        }

        foreach (var network in KnownNetworks.Where(n => !string.IsNullOrWhiteSpace(n) && !IPNetwork.TryParse(n.Trim(), out _)))
        {
            yield return $"Summit:Security:KnownNetworks: '{network}' is not a network in CIDR notation (10.0.0.0/8).";
        }

        if (HstsMaxAge < TimeSpan.Zero)
        {
            yield return "Summit:Security:HstsMaxAge must not be negative.";
        }
    }
}
