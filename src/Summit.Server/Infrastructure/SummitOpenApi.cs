using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Security;

namespace Summit.Server.Infrastructure;

/// <summary>
/// The API reference: the document at /openapi/v1.json with every refusal an endpoint can answer (an RFC 9457 problem with a
/// stable <c>code</c>), and the Scalar page at /api-reference served entirely by Summit (its script from the package, no fonts,
/// proxy, AI agent, telemetry or hosted client from the internet).
/// </summary>
public static partial class SummitOpenApi
{
    public const string ProblemSchema = "Problem";

    public static IServiceCollection AddSummitOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            // The default id of an anonymous type ("AnonymousTypeOfstringAnd...[]") is not a valid component name.
            o.CreateSchemaReferenceId = type => OpenApiOptions.CreateDefaultSchemaReferenceId(type) is { } id ? SchemaName().Replace(id, "") : null;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Summit API";
                document.Info.Description = "Guests, accreditation, the guest portal and one-code access of the Summit conference system. "
                    + "Sign in with POST /api/v1/auth/login and send the access token as a Bearer header. "
                    + "Every refusal is an RFC 9457 problem with a stable `code` and a `title` in the request's language (English or Chinese, "
                    + "from Accept-Language). Changes through the API need the bearer token: a browser's sign-in cookie is accepted for reading only.";
                document.Components ??= new OpenApiComponents();
                document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
                document.Components.Schemas[ProblemSchema] = Problem();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[RolesOpenApiTransformer.BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "The accessToken answered by POST /api/v1/auth/login (8 hours; ends at once when the account's roles or password change or it is disabled).",
                };
                return Task.CompletedTask;
            });
            o.AddOperationTransformer<RolesOpenApiTransformer>();
            o.AddOperationTransformer((operation, context, _) =>
            {
                AddProblemResponses(operation, context);
                return Task.CompletedTask;
            });
        });

    public static IEndpointConventionBuilder MapSummitApiReference(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        return app.MapScalarApiReference("/api-reference", o => o
                .WithTitle("Summit API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .DisableDefaultFonts()
                .HideClientButton()
                .DisableAgent()
                .DisableMcp()
                .DisableTelemetry()
                .WithNonce())
            .AllowAnonymous();
    }

    /// <summary>The refusals every endpoint of its kind can answer, where the endpoint does not state them itself.</summary>
    private static void AddProblemResponses(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var description = context.Description;
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var hasInput = description.ParameterDescriptions.Count > 0;
        var hasPathParameter = description.ParameterDescriptions.Any(p => p.Source == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Path);
        operation.Responses ??= [];
        if (hasInput)
        {
            Add(operation, StatusCodes.Status400BadRequest, "The request cannot be read (malformed JSON, a missing or mistyped parameter): request.invalid, field.required.");
            Add(operation, StatusCodes.Status422UnprocessableEntity, "Refused for a reason named by its code (for example request.invalid with the problems of each field in `details`).");
        }

        if (hasPathParameter)
        {
            Add(operation, StatusCodes.Status404NotFound, "No such record (its code names what was not found).");
        }

        if (!anonymous)
        {
            Add(operation, StatusCodes.Status401Unauthorized, "Not signed in (auth.required), the session was ended by a change of roles, password or account (auth.session_ended), or a change sent with the sign-in cookie instead of a bearer token (auth.cookie_not_accepted).");
            Add(operation, StatusCodes.Status403Forbidden, "Signed in without a role that may do this (auth.forbidden), or an administrator who has not set up two-factor sign-in (two_factor.setup_required).");
        }

        Add(operation, StatusCodes.Status500InternalServerError, "An unexpected failure (server.error); the traceId identifies it in the server's log.");
        if (metadata.OfType<SummitRateLimitAttribute>().Any())
        {
            Add(operation, StatusCodes.Status429TooManyRequests, "Too many requests from this address or for this account or invitation (rate_limited, login.locked_out); Retry-After says when to try again.");
        }
    }

    private static void Add(OpenApiOperation operation, int status, string description)
    {
        var key = status.ToString(CultureInfo.InvariantCulture);
        if (operation.Responses!.ContainsKey(key))
        {
            return;
        }

        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ProblemSchema) },
            },
        };
    }

    [System.Text.RegularExpressions.GeneratedRegex("[^a-zA-Z0-9._-]")]
    private static partial System.Text.RegularExpressions.Regex SchemaName();

    private static OpenApiSchema Problem() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "An RFC 9457 problem. `code` is stable and names the reason; `title` says it in the request's language.",
        Required = new HashSet<string> { "code", "title", "status" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "https://summit.local/problems/{code}" },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The reason, in English or Chinese." },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
            ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The stable reason code, for example login.failed or rate_limited." },
            ["details"] = new OpenApiSchema { Description = "More about the refusal where there is more, for example one entry per field with its code and message." },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String },
        },
    };
}
