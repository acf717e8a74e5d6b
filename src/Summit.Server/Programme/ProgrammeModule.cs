using MudBlazor;
using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Modules;
using Summit.Server.Privacy.Contracts;
using Summit.Server.Programme.Agenda;
using Summit.Server.Programme.Attendance;
using Summit.Server.Programme.Contracts;
using Summit.Server.Programme.Forums;
using Summit.Server.Programme.Pages;
using Summit.Server.Programme.People;
using Summit.Server.Programme.PersonalData;
using Summit.Server.Programme.Public;
using Summit.Server.Programme.Registrations;
using Summit.Server.Programme.Releases;
using Summit.Server.Programme.Scheduling;
using Summit.Server.Programme.Sessions;
using Summit.Server.Programme.Settings;
using Summit.Server.Programme.Timetable;

namespace Summit.Server.Programme;

/// <summary>
/// The programme (issue 13; docs/adr/0031, docs/adr/0032): forums, sessions and their people, sessions placed in rooms through the venues
/// module's contract, the conflict rules with a severity per event,
/// released versions with their changelog and notices, and the public programme with its schedule export.
/// </summary>
public sealed class ProgrammeModule : ISummitModule
{
    public IReadOnlyList<string> OwnedPolicies { get; } = [Policies.ProgrammeView, Policies.ProgrammeManage];

    /// <summary>After the venues (sessions are placed in their rooms); the rules and releases pages are reached from the programme page.</summary>
    public IReadOnlyList<NavigationEntry> Navigation { get; } =
    [
        NavigationEntry.For(Policies.ProgrammeView, 148, "/programme", "programme.nav.forums", Icons.Material.Filled.EventNote, "nav-programme"),
        NavigationEntry.For(Policies.ProgrammeView, 149, "/programme/timetable", "programme.nav.timetable", Icons.Material.Filled.CalendarViewDay,
            "nav-programme-timetable"),
        NavigationEntry.For(Policies.ProgrammeManage, 150, "/programme/scheduling", "programme.nav.scheduling", Icons.Material.Filled.AutoFixHigh,
            "nav-programme-scheduling"),
    ];

    public void MapEndpoints(IEndpointRouteBuilder app, RouteGroupBuilder api) => api.MapProgrammeApi();

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ProgrammeReader>();
        services.AddScoped<ForumService>();
        services.AddScoped<SessionService>();
        services.AddScoped<PersonService>();
        services.AddScoped<TimetableService>();
        services.AddScoped<ProgrammeSettingsService>();
        services.AddScoped<ReleaseReader>();
        services.AddScoped<ReleaseTexts>();
        services.AddScoped<ReleaseNotices>();
        services.AddScoped<ReleaseService>();
        services.AddScoped<PublicProgrammeService>();
        services.AddSingleton<PublishedProgrammeCache>();
        services.AddOutputCache(o => o.AddPolicy(PublicPageCachePolicy.Name, new PublicPageCachePolicy()));
        services.AddScoped<IProgrammeReport, SessionAttendanceQueries>();
        services.AddScoped<SchedulingService>();
        services.AddSingleton<IScheduleBaseline, DraftBaseline>();
        services.AddScoped<IScheduleBaseline, ReleasedBaseline>();
        services.AddSingleton<ScheduleGate>();
        services.AddScoped<AgendaReader>();
        services.AddScoped<AgendaService>();
        services.AddScoped<RegistrationBook>();
        services.AddScoped<RegistrationService>();
        services.AddScoped<AgendaFeedService>();
        services.AddScoped<ProgrammePersonalData>();
        services.AddScoped<IPersonalDataHolder>(sp => sp.GetRequiredService<ProgrammePersonalData>());
        // Remote speakers are known only here: the privacy module finds, exports and erases them as people of the event.
        services.AddScoped<IDataSubjects>(sp => sp.GetRequiredService<ProgrammePersonalData>());
        // The guest's agenda on their portal: the section's service checks the portal token itself.
        services.AddSingleton(new PageSection(PortalPage.Main, typeof(PortalAgenda), 10, UiOperations.TokenHolder));
    }
}
