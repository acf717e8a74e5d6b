namespace Summit.Server.Infrastructure.Audit;

public sealed record AuditFilter(string? Actor, string? Action, string? EntityType, string? EntityId, DateTimeOffset? From, DateTimeOffset? To, int? Page, int? PageSize);
