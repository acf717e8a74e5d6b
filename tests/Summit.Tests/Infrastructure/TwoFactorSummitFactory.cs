namespace Summit.Tests.Infrastructure;

/// <summary>A Summit that insists on two-factor sign-in for administrators, as production does.</summary>
public sealed class TwoFactorSummitFactory : SummitFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Summit:Security:RequireAdminTwoFactor"] = "true",
    };
}
