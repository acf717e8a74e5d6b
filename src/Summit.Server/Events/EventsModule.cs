using MudBlazor;
using Summit.Server.Events.Contracts;
using Summit.Server.Events.Pages;
using Summit.Server.Infrastructure;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Modules;

namespace Summit.Server.Events;

/// <summary>Events: the event itself (name, dates, time zone, venue), which every other module reads.</summary>
public sealed class EventsModule : ISummitModule
{
    public IReadOnlyList<string> OwnedPolicies { get; } = [Policies.EventManage];

    public IReadOnlyList<NavigationEntry> Navigation { get; } =
        [NavigationEntry.For(Policies.EventManage, 160, "/event", "nav.event", Icons.Material.Filled.Event)];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<EventService>().AddScoped<IEventCalendar, EventCalendar>();
        services.AddScoped<IEventTimeZone>(sp => sp.GetRequiredService<IEventCalendar>());
        services.AddSingleton(new PageSection(ShellPlaces.Home, typeof(EventSummarySection), 0, Policies.StaffSignedIn));
    }

    public void MapEndpoints(IEndpointRouteBuilder app, RouteGroupBuilder api) => api.MapEventApi();
}
