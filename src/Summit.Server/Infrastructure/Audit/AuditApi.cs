using Summit.Server.Infrastructure.Identity;

namespace Summit.Server.Infrastructure.Audit;

public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", async ([AsParameters] AuditFilter filter, AuditQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ListAsync(filter, ct)))
            .WithTags("Audit").RequireAuthorization(Policies.AuditRead).WithSummary("Browse and filter the audit log");
        return api;
    }
}
