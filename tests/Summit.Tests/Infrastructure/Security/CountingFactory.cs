using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server.Infrastructure.Identity;

namespace Summit.Tests.Infrastructure.Security;

/// <summary>Counts password-hash checks, to show that an unknown address costs the same hashing work as a known one.</summary>
public sealed class CountingFactory : SecurityFactory
{
    public int HashChecks;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IPasswordHasher<SummitUser>>(new CountingHasher(this)));
    }

    private sealed class CountingHasher(CountingFactory factory) : PasswordHasher<SummitUser>
    {
        public override PasswordVerificationResult VerifyHashedPassword(SummitUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref factory.HashChecks);
            return base.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
