using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Summit.Server.Infrastructure.Database;

/// <summary>/health is healthy only when the database answers.</summary>
public sealed class DatabaseHealthCheck(SummitDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy($"{db.Database.ProviderName} reachable")
            : HealthCheckResult.Unhealthy("database unreachable");
}
