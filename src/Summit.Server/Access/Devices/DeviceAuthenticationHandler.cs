using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Summit.Server.Infrastructure.Identity;

namespace Summit.Server.Access.Devices;

/// <summary>Authenticates gate devices by the header "Authorization: Device &lt;token&gt;". Devices are not people: they hold no role.</summary>
public sealed class DeviceAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    DeviceRegistry registry) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string GateClaim = "summit:gate";
    public const string EventClaim = "summit:event";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(DeviceAuthentication.HeaderPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header[DeviceAuthentication.HeaderPrefix.Length..].Trim();
        var device = await registry.FindAsync(token, Context.RequestAborted);
        if (device is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked device token.");
        }

        await registry.SeenAsync(device, Context.Connection.RemoteIpAddress?.ToString(), Context.RequestAborted);
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, device.Id.ToString()),
            new Claim(ClaimTypes.Name, device.Name),
            new Claim(DeviceAuthentication.DeviceClaim, device.Id.ToString()),
            new Claim(GateClaim, device.GateId.ToString()),
            new Claim(EventClaim, device.EventId.ToString()),
        ], DeviceAuthentication.Scheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), DeviceAuthentication.Scheme));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Device";
        return Task.CompletedTask;
    }
}
