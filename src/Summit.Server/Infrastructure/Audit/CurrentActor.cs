using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace Summit.Server.Infrastructure.Audit;

/// <summary>
/// Who is acting in this scope: the signed-in user of an HTTP request or a Blazor circuit, a guest
/// using the portal, or the system (CLI, demo, background jobs).
/// </summary>
public sealed class CurrentActor(IHttpContextAccessor httpContextAccessor, IServiceProvider services)
{
    private Actor? _override;

    public void Use(Actor actor) => _override = actor;

    public async Task<Actor> GetAsync()
    {
        if (_override is not null)
        {
            return _override;
        }

        var httpContext = httpContextAccessor.HttpContext;
        ClaimsPrincipal? user = httpContext?.User;
        if (user?.Identity?.IsAuthenticated != true && services.GetService<AuthenticationStateProvider>() is { } provider)
        {
            try
            {
                user = (await provider.GetAuthenticationStateAsync()).User;
            }
            catch (InvalidOperationException)
            {
                // Outside a Blazor render there is no authentication state to ask.
            }
        }

        if (user?.Identity?.IsAuthenticated == true)
        {
            return new Actor(user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity.Name ?? "?",
                httpContext?.Connection.RemoteIpAddress?.ToString());
        }

        return new Actor(null, "anonymous", httpContext?.Connection.RemoteIpAddress?.ToString());
    }
}
