using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Summit.Server.Infrastructure.Identity;

/// <summary>Re-checks the user of an open circuit every few seconds; when the session has ended, the page falls back to sign-in.</summary>
internal sealed class StaffSessionRevalidator(ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<SecurityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => options.Value.SessionRevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await StaffSessions.StandsAsync(scope.ServiceProvider.GetRequiredService<UserManager<SummitUser>>(), authenticationState.User);
    }
}
