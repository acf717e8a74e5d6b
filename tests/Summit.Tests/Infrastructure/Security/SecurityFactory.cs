using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Summit.Tests.Infrastructure.Security;

/// <summary>
/// A Summit whose test requests can come from chosen network addresses (the in-memory server has none of its own): the header
/// X-Test-Peer sets the connection's remote address before anything else runs, as a real client's or proxy's address would be.
/// Rate limits are the small ones the tests reach quickly.
/// </summary>
public class SecurityFactory : SummitFactory
{
    public const string PeerHeader = "X-Test-Peer";

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Summit:Security:SignInRequestsPerMinute"] = "10",
        ["Summit:Security:PortalRequestsPerMinute"] = "10",
        ["Summit:Security:PortalRequestsPerInvitationPerMinute"] = "6",
        ["Summit:Security:AccountFailuresPerHour"] = "12",
        ["Summit:Security:KnownProxies:0"] = "10.0.0.5",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, PeerAddressFilter>());
    }

    /// <summary>An anonymous client whose requests come from the given address.</summary>
    public HttpClient ClientFrom(string address, bool handleCookies = false)
    {
        var client = CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = handleCookies });
        client.DefaultRequestHeaders.Add(PeerHeader, address);
        return client;
    }

    private sealed class PeerAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(PeerHeader, out var peer))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
