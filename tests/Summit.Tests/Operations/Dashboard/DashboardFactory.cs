using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Summit.Access.Core;
using Summit.Access.Core.Sync;
using Summit.Server.Access.Contracts;
using Summit.Server.Access.Zones;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Incidents;
using Summit.Server.Operations.Dashboard;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Operations.Dashboard;

/// <summary>The test venue with a small zone (TINY, capacity 2, one gate both ways) that Delegates open, and a recording incident reporter.</summary>
public class DashboardFactory : AccessFactory
{
    public ZoneView Tiny { get; private set; } = null!;
    public string TinyToken { get; private set; } = "";

    public RecordedIncidents Incidents => Services.GetRequiredService<RecordedIncidents>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<RecordedIncidents>();
            services.RemoveAll<IIncidentReporter>();
            services.AddScoped<IIncidentReporter, RecordingIncidentReporter>();
        });
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var secretariat = await ClientForAsync(Roles.Secretariat);
        Tiny = await (await secretariat.PostAsJsonAsync("/api/v1/access/zones",
            new ZoneInput("TINY", "Small meeting room", "小会议室", null, 2, AntiPassbackMode.Hard, Plan: new ZonePlanArea(10, 10, 100, 60)), Intents.Json))
            .OkAsync<ZoneView>();
        var gate = await AccessIntents.CreateGateAsync(secretariat, "T1", Tiny.Id, GateDirections.Both);
        await AccessIntents.SetCategoryZonesAsync(secretariat, Categories["Delegate"].Id, Venue.Main.Id, Venue.Forum.Id, Tiny.Id);
        TinyToken = await this.EnrolDeviceAsync(gate.Id);
    }

    public Task<DashboardSnapshot> RefreshAsync() => Services.GetRequiredService<OperationsBoard>().RefreshNowAsync();
}
