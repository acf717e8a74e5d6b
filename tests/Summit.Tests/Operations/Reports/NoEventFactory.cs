using Microsoft.Extensions.DependencyInjection;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Operations.Reports;

/// <summary>A server just installed: staff accounts, no event yet.</summary>
public sealed class NoEventFactory : SummitFactory
{
    public override async Task InitializeAsync()
    {
        await DatabaseSetup.MigrateAsync(Services);
        await using var scope = Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        foreach (var role in Roles.All)
        {
            await accounts.CreateAsync(EmailOf(role), role, Password, [role]);
        }
    }
}
