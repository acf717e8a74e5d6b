using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Infrastructure.Errors;

/// <summary>
/// Refuses a JSON body that leaves out, or sends null for, a member its C# type declares never null,
/// with request.invalid and one field problem per member, before the handler can trip over the null.
/// </summary>
public static class RequiredMembers
{
    private static readonly NullabilityInfoContext Nullability = new();

    public static EndpointFilterDelegate Filter(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var services = context.ApplicationServices.GetRequiredService<IServiceProviderIsService>();
        var index = Array.FindIndex(context.MethodInfo.GetParameters(), p => IsJsonBody(p, services));
        if (index < 0)
        {
            return next;
        }

        var bodyType = context.MethodInfo.GetParameters()[index].ParameterType;

        List<PropertyInfo> required;
        lock (Nullability)
        {
            required = [.. bodyType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanRead && !p.PropertyType.IsValueType && Nullability.Create(p).ReadState == NullabilityState.NotNull)];
        }

        if (required.Count == 0)
        {
            return next;
        }

        return invocation =>
        {
            var body = invocation.Arguments[index];
            var missing = required.Where(p => body is null || p.GetValue(body) is null).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToList();
            if (missing.Count > 0)
            {
                var localizer = invocation.HttpContext.RequestServices.GetRequiredService<Localizer>();
                var problems = missing.Select(field => new FieldProblem(field, ErrorCodes.FieldRequired,
                    localizer.Format("error." + ErrorCodes.FieldRequired, [localizer.Has("field." + field) ? localizer["field." + field] : field]))).ToList();
                throw new SummitException(SummitError.Of(ErrorCodes.RequestInvalid, problems.Count), problems);
            }

            return next(invocation);
        };
    }

    /// <summary>A parameter of one of Summit's own types that is bound from nothing else is the JSON body.</summary>
    private static bool IsJsonBody(ParameterInfo parameter, IServiceProviderIsService services) =>
        parameter.ParameterType.Assembly == typeof(RequiredMembers).Assembly
        && parameter.ParameterType.IsClass
        && !services.IsService(parameter.ParameterType)
        && !parameter.GetCustomAttributes().Any(a => a is IFromFormMetadata or IFromHeaderMetadata or IFromQueryMetadata or IFromRouteMetadata
            or IFromServiceMetadata or AsParametersAttribute);
}
