namespace Summit.Server.Infrastructure.Modules;

/// <summary>
/// One module of Summit, as docs/architecture/module-anatomy.md describes it: everything the host needs from a module is
/// declared here, so a new module is one class added to <see cref="SummitHost.Modules"/> rather than edits in eight places.
/// </summary>
public interface ISummitModule
{
    /// <summary>The policies of <see cref="Identity.Policies"/> this module owns; the host registers them. Each policy has one owner.</summary>
    IReadOnlyList<string> OwnedPolicies { get; }

    /// <summary>The module's entries in the navigation menu; <see cref="NavigationEntry.Order"/> places them among the other modules'.</summary>
    IReadOnlyList<NavigationEntry> Navigation { get; }

    void AddServices(IServiceCollection services, IConfiguration configuration);

    /// <summary>Maps the module's endpoints under <paramref name="api"/> (/api/v1); <paramref name="app"/> is for the few that live elsewhere.</summary>
    void MapEndpoints(IEndpointRouteBuilder app, RouteGroupBuilder api);
}
