using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace Summit.Tests.Infrastructure;

/// <summary>A Blazor circuit's user, fixed: what <c>UiOperations</c> reads to know who acts.</summary>
public sealed class FixedAuthenticationState(ClaimsPrincipal user) : AuthenticationStateProvider
{
    public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
}
