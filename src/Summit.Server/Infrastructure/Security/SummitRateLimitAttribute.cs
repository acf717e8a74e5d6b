namespace Summit.Server.Infrastructure.Security;

/// <summary>Puts an endpoint (or a page, as an attribute) in a rate-limit family.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class SummitRateLimitAttribute(string family) : Attribute
{
    public string Family { get; } = family;
}
