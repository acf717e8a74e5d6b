using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Infrastructure.Identity;

public sealed class SecurityOptions
{
    /// <summary>When true, an Admin without an authenticator app is sent to set one up before anything else.</summary>
    public bool RequireAdminTwoFactor { get; set; } = true;
}

public static class IdentitySetup
{
    /// <summary>Cookie for the browser, bearer token for API clients; one policy scheme picks per request.</summary>
    public const string Scheme = "Summit";

    public static IServiceCollection AddSummitIdentity(this IServiceCollection services)
    {
        services.AddIdentity<SummitUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 5;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<SummitDbContext>()
            .AddDefaultTokenProviders();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
                o.DefaultForbidScheme = Scheme;
                o.DefaultAuthenticateScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "Cookie, bearer or device", o => o.ForwardDefaultSelector = context =>
            {
                var authorization = context.Request.Headers.Authorization.ToString();
                return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? IdentityConstants.BearerScheme
                    : authorization.StartsWith(DeviceAuthentication.HeaderPrefix, StringComparison.OrdinalIgnoreCase) ? DeviceAuthentication.Scheme
                    : IdentityConstants.ApplicationScheme;
            })
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(8));

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.AccessDeniedPath = "/access-denied";
            o.Cookie.Name = "summit.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.SlidingExpiration = true;
            // API callers get status codes, not a redirect to an HTML login page.
            o.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorizationBuilder().AddSummitPolicies();
        return services;
    }

    private static AuthorizationBuilder AddSummitPolicies(this AuthorizationBuilder builder)
    {
        foreach (var (policy, roles) in Policies.RolesFor)
        {
            builder.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
        }

        builder.AddPolicy(DeviceAuthentication.Policy, p => p.AddAuthenticationSchemes(DeviceAuthentication.Scheme).RequireClaim(DeviceAuthentication.DeviceClaim));

        return builder;
    }

    private static Task ApiAwareRedirect(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }
}
