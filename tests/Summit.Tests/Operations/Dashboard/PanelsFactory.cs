using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server.Operations.Dashboard;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Operations.Dashboard;

public class PanelsFactory : SummitFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddScoped<FixedPanels>();
            services.AddScoped<IScreeningDashboardSource>(sp => sp.GetRequiredService<FixedPanels>());
            services.AddScoped<IIncidentDashboardSource>(sp => sp.GetRequiredService<FixedPanels>());
        });
    }
}
