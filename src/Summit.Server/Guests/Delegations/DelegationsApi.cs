using Summit.Server.Infrastructure.Identity;

namespace Summit.Server.Guests.Delegations;

/// <summary>Adding and editing delegations (the list itself is GET /api/v1/delegations).</summary>
public static class DelegationsApi
{
    public static RouteGroupBuilder MapDelegationsApi(this RouteGroupBuilder api)
    {
        var delegations = api.MapGroup("/delegations").WithTags("Guests").RequireAuthorization(Policies.GuestsWrite);

        delegations.MapPost("/", async (DelegationInput input, DelegationService service, CancellationToken ct) =>
            {
                var created = await service.CreateAsync(input, ct);
                return TypedResults.Created($"/api/v1/delegations/{created.Id}", created);
            })
            .WithSummary("Add a delegation (name unique per event)");

        delegations.MapPut("/{id:guid}", async (Guid id, DelegationInput input, DelegationService service, CancellationToken ct) =>
                TypedResults.Ok(await service.UpdateAsync(id, input, ct)))
            .WithSummary("Edit a delegation; the liaison must be one of its guests");

        delegations.MapGet("/{id:guid}/members", async (Guid id, DelegationService service, CancellationToken ct) =>
                TypedResults.Ok(await service.MembersAsync(id, ct)))
            .WithSummary("The guests of a delegation (the candidates for its liaison)");

        return api;
    }
}
