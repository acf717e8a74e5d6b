using MudBlazor;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Modules;
using Summit.Server.Infrastructure.Options;
using Summit.Server.Venues.Blockings;
using Summit.Server.Venues.Bookings;
using Summit.Server.Venues.Calendar;
using Summit.Server.Venues.Contracts;
using Summit.Server.Venues.Equipment;
using Summit.Server.Venues.NoShows;
using Summit.Server.Venues.Photos;
using Summit.Server.Venues.Rooms;
using Summit.Server.Venues.Series;

namespace Summit.Server.Venues;

/// <summary>Venue resources: venues, rooms, equipment stock, blockings and bookings without double-booking (issue 12, docs/adr/0027).</summary>
public sealed class VenuesModule : ISummitModule
{
    public IReadOnlyList<string> OwnedPolicies { get; } = [Policies.VenuesView, Policies.VenuesManage, Policies.VenueBookingsRequest];

    public IReadOnlyList<NavigationEntry> Navigation { get; } =
    [
        NavigationEntry.For(Policies.VenuesView, 143, "/venues/timeline", "venues.nav.timeline", Icons.Material.Filled.ViewTimeline, "nav-venues-timeline"),
        NavigationEntry.For(Policies.VenuesView, 146, "/venues/rooms", "venues.nav.rooms", Icons.Material.Filled.MeetingRoom, "nav-venues-rooms"),
        NavigationEntry.For(Policies.VenuesView, 147, "/venues/equipment", "venues.nav.equipment", Icons.Material.Filled.Inventory2, "nav-venues-equipment"),
    ];

    public void MapEndpoints(IEndpointRouteBuilder app, RouteGroupBuilder api) => api.MapVenuesApi();

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSummitOptions<VenuesOptions>("Summit:Venues");
        services.AddScoped<RoomService>();
        services.AddScoped<EquipmentService>();
        services.AddScoped<EquipmentUseService>();
        services.AddScoped<BlockingService>();
        services.AddScoped<BookingService>();
        services.AddScoped<IRoomReservations, RoomReservations>();
        services.AddScoped<SeriesService>();
        services.AddScoped<RoomCalendarService>();
        services.AddScoped<CalendarLinkService>();
        services.AddScoped<RoomPhotoService>();
        services.AddScoped<BookingNotices>();
        services.AddScoped<BlockingClosures>();
        services.AddScoped<NoShowRelease>();
        services.AddSingleton<NoShowMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<NoShowMonitor>());
    }
}
