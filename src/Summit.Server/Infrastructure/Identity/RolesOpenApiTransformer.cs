using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Summit.Server.Infrastructure.Identity;

/// <summary>States in the API reference which roles may call each endpoint, read from the endpoint's own policy.</summary>
public sealed class RolesOpenApiTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        string who;
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            who = "Anyone (no sign-in).";
        }
        else
        {
            var roles = metadata.OfType<IAuthorizeData>()
                .SelectMany(a => a.Policy is { } policy && Policies.RolesFor.TryGetValue(policy, out var allowed) ? allowed : [])
                .Distinct().ToList();
            who = roles.Count == 0 ? "Any signed-in staff member." : "Roles: " + string.Join(", ", roles) + ".";
        }

        operation.Description = string.IsNullOrEmpty(operation.Description) ? who : operation.Description + "\n\n" + who;
        return Task.CompletedTask;
    }
}
