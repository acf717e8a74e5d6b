using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Infrastructure;

/// <summary>
/// Runs one UI action in its own DI scope (so its own DbContext), as the user of the Blazor circuit, after checking that user
/// against the action's policy: the same check an API endpoint makes, so a page or component that forgets its own
/// <c>[Authorize]</c> still cannot hand an operation to a role the permission matrix does not name.
/// A circuit lives for minutes or hours; a DbContext must not.
/// </summary>
public sealed class UiOperations(IServiceScopeFactory scopes, AuthenticationStateProvider authentication, IAuthorizationService authorization,
    Localizer localizer, IHttpContextAccessor httpContextAccessor)
{
    /// <summary>
    /// The "policy" of an operation open to whoever holds its service's own secret (the portal's invitation token): allowed only
    /// for services marked <see cref="OpenToTokenHoldersAttribute"/>.
    /// </summary>
    public const string TokenHolder = "TokenHolder";

    /// <summary>
    /// The "policy" of an operation open to everyone, signed in or not (what is published: the released programme): allowed only for
    /// services marked <see cref="OpenToEveryoneAttribute"/>.
    /// </summary>
    public const string Everyone = "Everyone";

    /// <summary>Runs <paramref name="operation"/> if the circuit's user satisfies <paramref name="policy"/> (one of <c>Policies</c>).</summary>
    /// <exception cref="SummitException">auth.required or auth.forbidden when the user may not.</exception>
    public async Task<T> RunAsync<TService, T>(string policy, Func<TService, Task<T>> operation) where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        await AuthorizeAndActAsCircuitUserAsync<TService>(policy, scope.ServiceProvider);
        return await operation(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <inheritdoc cref="RunAsync{TService, T}(string, Func{TService, Task{T}})"/>
    public async Task RunAsync<TService>(string policy, Func<TService, Task> operation) where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        await AuthorizeAndActAsCircuitUserAsync<TService>(policy, scope.ServiceProvider);
        await operation(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>Runs the action and turns a refusal, the policy's included, into its localized message (null when it succeeded).</summary>
    public async Task<string?> TryAsync<TService>(string policy, Func<TService, Task> operation) where TService : notnull
    {
        try
        {
            await RunAsync(policy, operation);
            return null;
        }
        catch (SummitException ex)
        {
            return Describe(ex);
        }
    }

    /// <summary>Runs the action and returns its result, or the localized message of its refusal (the policy's included).</summary>
    public async Task<(T? Result, string? Error)> TryAsync<TService, T>(string policy, Func<TService, Task<T>> operation) where TService : notnull
    {
        try
        {
            return (await RunAsync(policy, operation), null);
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

    private async Task AuthorizeAndActAsCircuitUserAsync<TService>(string policy, IServiceProvider provider)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (policy == TokenHolder)
        {
            // A programming error, not a user's: a page asked to run a staff service without a staff member.
            if (typeof(TService).GetCustomAttribute<OpenToTokenHoldersAttribute>() is null)
            {
                throw new InvalidOperationException($"{typeof(TService).Name} checks no secret of its own; name the policy its operations need.");
            }
        }
        else if (policy == Everyone)
        {
            if (typeof(TService).GetCustomAttribute<OpenToEveryoneAttribute>() is null)
            {
                throw new InvalidOperationException($"{typeof(TService).Name} is not published to everyone; name the policy its operations need.");
            }
        }
        else if (user.Identity?.IsAuthenticated != true)
        {
            throw new SummitException(new SummitError(ErrorCodes.AuthRequired, [], StatusCodes.Status401Unauthorized));
        }
        else if (!(await authorization.AuthorizeAsync(user, policy)).Succeeded)
        {
            throw new SummitException(new SummitError(ErrorCodes.AuthForbidden, [], StatusCodes.Status403Forbidden));
        }

        if (user.Identity?.IsAuthenticated == true)
        {
            // In a circuit the accessor holds the connection's own request, so this is the user's address.
            var ip = httpContextAccessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
            provider.GetRequiredService<CurrentActor>().Use(new Actor(user.FindFirst(ClaimTypes.NameIdentifier)?.Value, user.Identity.Name ?? "?", ip));
        }
    }
}
