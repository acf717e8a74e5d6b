using Microsoft.AspNetCore.Components.Authorization;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Infrastructure;

/// <summary>
/// Runs one UI action in its own DI scope (so its own DbContext), as the user of the Blazor circuit.
/// A circuit lives for minutes or hours; a DbContext must not.
/// </summary>
public sealed class UiOperations(IServiceScopeFactory scopes, AuthenticationStateProvider authentication, Localizer localizer,
    IHttpContextAccessor httpContextAccessor)
{
    public async Task<T> RunAsync<TService, T>(Func<TService, Task<T>> operation) where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        await ActAsCircuitUserAsync(scope.ServiceProvider);
        return await operation(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task RunAsync<TService>(Func<TService, Task> operation) where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        await ActAsCircuitUserAsync(scope.ServiceProvider);
        await operation(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>Runs the action and turns a refusal into its localized message (null when it succeeded).</summary>
    public async Task<string?> TryAsync<TService>(Func<TService, Task> operation) where TService : notnull
    {
        try
        {
            await RunAsync(operation);
            return null;
        }
        catch (SummitException ex)
        {
            return Describe(ex);
        }
    }

    /// <summary>Runs the action and returns its result, or the localized message of its refusal.</summary>
    public async Task<(T? Result, string? Error)> TryAsync<TService, T>(Func<TService, Task<T>> operation) where TService : notnull
    {
        try
        {
            return (await RunAsync(operation), null);
        }
        catch (SummitException ex)
        {
            return (default, Describe(ex));
        }
    }

    public string Describe(SummitException ex) =>
        ex.Details is IEnumerable<FieldProblem> problems
            ? string.Join(" ", problems.Select(p => p.Message))
            : ex.Error.Message(localizer);

    private async Task ActAsCircuitUserAsync(IServiceProvider provider)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (user.Identity?.IsAuthenticated == true)
        {
            // In a circuit the accessor holds the connection's own request, so this is the user's address.
            var ip = httpContextAccessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
            provider.GetRequiredService<CurrentActor>().Use(new Actor(
                user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, user.Identity.Name ?? "?", ip));
        }
    }
}
