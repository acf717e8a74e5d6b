namespace Summit.Server.Infrastructure.Identity;

public sealed record TwoFactorSetup(string SharedKey, string AuthenticatorUri);
