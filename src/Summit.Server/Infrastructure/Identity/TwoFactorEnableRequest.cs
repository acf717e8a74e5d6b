namespace Summit.Server.Infrastructure.Identity;

public sealed record TwoFactorEnableRequest(string Code);
