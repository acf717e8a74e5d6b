using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Summit.Server.Infrastructure.Identity;

/// <summary>
/// States in the API reference which roles may call each endpoint, read from the endpoint's own policy: in words in the
/// description, and as <c>x-summit-policy</c> and <c>x-summit-roles</c> for programs; a signed-in endpoint also names the bearer scheme.
/// </summary>
public sealed class RolesOpenApiTransformer : IOpenApiOperationTransformer
{
    public const string BearerScheme = "Bearer";

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
            var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct().ToList();
            var roles = policies.SelectMany(policy => Policies.RolesFor.TryGetValue(policy, out var allowed) ? allowed : []).Distinct().ToList();
            who = policies.Contains(DeviceAuthentication.Policy) ? "Gate devices only (Authorization: Device <token>)."
                : roles.Count == 0 ? "Any signed-in staff member." : "Roles: " + string.Join(", ", roles) + ".";
            operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            operation.Extensions["x-summit-policy"] = new JsonNodeExtension(JsonValue.Create(string.Join(",", policies)));
            operation.Extensions["x-summit-roles"] = new JsonNodeExtension(new JsonArray([.. roles.Select(r => (JsonNode?)JsonValue.Create(r))]));
            if (!policies.Contains(DeviceAuthentication.Policy))
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] });
            }
        }

        operation.Description = string.IsNullOrEmpty(operation.Description) ? who : operation.Description + "\n\n" + who;
        return Task.CompletedTask;
    }
}
