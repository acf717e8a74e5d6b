using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Infrastructure.Identity;

public static class IdentitySetup
{
    /// <summary>Cookie for the browser, bearer token for API clients; one policy scheme picks per request.</summary>
    public const string Scheme = "Summit";

    public static IServiceCollection AddSummitIdentity(this IServiceCollection services, IEnumerable<string> policies)
    {
        services.AddIdentity<SummitUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 5;
                // Failed sign-ins are counted per account and source by SignInThrottle, not by Identity's account-wide lockout
                // (which anyone who knows an address could trigger). Identity's lockout end is what disables an account.
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<SummitDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator>();
        services.AddSingleton<CommonPasswords>();
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<StaffSignIn>();
        services.AddSingleton<IAuthorizationHandler, AdminTwoFactorHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, SummitAuthorizationResultHandler>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
                o.DefaultForbidScheme = Scheme;
                o.DefaultAuthenticateScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "Cookie, bearer or device", o => o.ForwardDefaultSelector = context => SchemeFor(context.Request))
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(8));

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.AccessDeniedPath = "/access-denied";
            o.Cookie.Name = "summit.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.SlidingExpiration = true;
            // API callers get status codes, not a redirect to an HTML login page.
            o.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorizationBuilder().AddSummitPolicies(policies);
        return services;
    }

    /// <summary>The scheme that authenticates a request: bearer or device by its Authorization header, otherwise the sign-in cookie.</summary>
    public static string SchemeFor(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? IdentityConstants.BearerScheme
            : authorization.StartsWith(DeviceAuthentication.HeaderPrefix, StringComparison.OrdinalIgnoreCase) ? DeviceAuthentication.Scheme
            : IdentityConstants.ApplicationScheme;
    }

    private static AuthorizationBuilder AddSummitPolicies(this AuthorizationBuilder builder, IEnumerable<string> policies)
    {
        // The modules say which policies they own; who holds each stays in the one matrix, Policies.RolesFor.
        foreach (var policy in policies)
        {
            var roles = Policies.RolesFor.TryGetValue(policy, out var allowed) ? allowed
                : throw new InvalidOperationException($"Policy {policy} is not in the permission matrix (Policies.RolesFor).");
            // Every policy but the staff member's own account (who am I, two-factor set-up) holds an admin to the two-factor rule,
            // so the rule is enforced wherever authorization is: endpoints, pages and a circuit's own navigation.
            builder.AddPolicy(policy, p =>
            {
                p.RequireAuthenticatedUser().RequireRole(roles);
                if (policy != Policies.OwnAccount)
                {
                    p.AddRequirements(AdminTwoFactorRequirement.Instance);
                }
            });
        }

        builder.AddPolicy(DeviceAuthentication.Policy, p => p.AddAuthenticationSchemes(DeviceAuthentication.Scheme).RequireClaim(DeviceAuthentication.DeviceClaim));

        return builder;
    }

    private static Task ApiAwareRedirect(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
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
