using MudBlazor;
using Summit.Server.Events.Contracts;
using Summit.Server.Guests.Categories;
using Summit.Server.Guests.Contracts;
using Summit.Server.Guests.Delegations;
using Summit.Server.Guests.Import;
using Summit.Server.Guests.Invitations;
using Summit.Server.Guests.Pages;
using Summit.Server.Guests.PersonalData;
using Summit.Server.Guests.Portal;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Modules;
using Summit.Server.Infrastructure.Options;
using Summit.Server.Privacy.Contracts;

namespace Summit.Server.Guests;

/// <summary>Guests: records, the pipeline from invitation to arrival, categories, delegations, import and the guest portal.</summary>
public sealed class GuestsModule : ISummitModule
{
    public IReadOnlyList<string> OwnedPolicies { get; } =
    [
        Policies.GuestsRead, Policies.GuestsWrite, Policies.GuestsApprove, Policies.GuestsImport,
        Policies.GuestsExport, Policies.GuestsInvite, Policies.PhotosView,
    ];

    public IReadOnlyList<NavigationEntry> Navigation { get; } =
    [
        NavigationEntry.For(Policies.GuestsRead, 10, "/guests", "nav.guests", Icons.Material.Filled.People, "nav-guests"),
        NavigationEntry.For(Policies.GuestsApprove, 20, "/approvals", "nav.approvals", Icons.Material.Filled.FactCheck, "nav-approvals"),
        NavigationEntry.For(Policies.GuestsImport, 30, "/guests/import", "nav.import", Icons.Material.Filled.UploadFile),
        NavigationEntry.For(Policies.GuestsWrite, 40, "/delegations", "admin.nav.delegations", Icons.Material.Filled.Groups, "nav-delegations"),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<GuestQueries>();
        services.AddScoped<GuestService>();
        services.AddScoped<CategoryService>();
        services.AddScoped<DelegationService>();
        services.AddSummitOptions<InvitationOptions>("Summit:Invitations");
        services.AddScoped<InvitationService>();
        services.AddScoped<PortalService>();
        services.AddScoped<IPortalGuests, PortalGuests>();
        services.AddScoped<GuestDirectory>().AddScoped<IGuestDirectory>(sp => sp.GetRequiredService<GuestDirectory>());
        services.AddGuestImport();
        services.AddScoped<GuestPersonalData>();
        services.AddScoped<IDataSubjects>(sp => sp.GetRequiredService<GuestPersonalData>());
        services.AddScoped<IPersonalDataHolder>(sp => sp.GetRequiredService<GuestPersonalData>());
        services.AddSingleton(new PageSection(EventSettingsPage.Sections, typeof(CategorySection), 0, Policies.EventManage));
        services.AddSingleton(new PageSection(ShellPlaces.Home, typeof(GuestCountsSection), 10, Policies.GuestsRead));
    }

    public void MapEndpoints(IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        api.MapGuestsApi();
        api.MapCategoriesApi();
        api.MapDelegationsApi();
        api.MapGuestImportApi();
        api.MapPortalApi();
    }
}
