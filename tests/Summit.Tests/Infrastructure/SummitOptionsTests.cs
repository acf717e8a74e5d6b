using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Summit.Server.Demo.Live;
using Summit.Server.Guests.Invitations;
using Summit.Server.Incidents;
using Summit.Server.Infrastructure.Options;
using Summit.Server.Privacy;
using Summit.Server.Screening;

namespace Summit.Tests.Infrastructure;

/// <summary>The one options idiom: a module's settings are bound from its section and a bad value stops the start, naming the setting.</summary>
public class SummitOptionsTests
{
    [Theory]
    [InlineData("Summit:Incidents:CheckSeconds", "0", "Summit:Incidents:CheckSeconds")]
    [InlineData("Summit:Incidents:SupervisorRole", "Janitor", "Summit:Incidents:SupervisorRole")]
    [InlineData("Summit:Privacy:RetentionDays", "-1", "Summit:Privacy:RetentionDays")]
    [InlineData("Summit:Invitations:Lifetime", "00:00:01", "Summit:Invitations:Lifetime")]
    [InlineData("Summit:Screening:ThresholdCelsius", "50", "ThresholdCelsius")]
    [InlineData("Summit:Mqtt:MaxPacketBytes", "10", "Summit:Mqtt:MaxPacketBytes")]
    [InlineData("Summit:Demo:Live:Speed", "0", "Summit:Demo:Live:Speed")]
    public async Task A_bad_setting_stops_the_start_with_a_message_that_names_it(string key, string value, string named)
    {
        using var host = HostWith(new Dictionary<string, string?> { [key] = value });
        var refusal = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(named, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_defaults_start_and_a_setting_is_bound_from_its_section()
    {
        using var host = HostWith(new Dictionary<string, string?> { ["Summit:Incidents:CheckSeconds"] = "30" });
        await host.StartAsync();
        Assert.Equal(30, host.Services.GetRequiredService<IOptions<IncidentOptions>>().Value.CheckSeconds);
        Assert.Equal(90, host.Services.GetRequiredService<IOptions<PrivacyOptions>>().Value.RetentionDays);
        await host.StopAsync();
    }

    private static IHost HostWith(Dictionary<string, string?> settings) => new HostBuilder()
        .ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings))
        .ConfigureServices(services =>
        {
            services.AddSummitOptions<IncidentOptions>("Summit:Incidents");
            services.AddSummitOptions<PrivacyOptions>("Summit:Privacy");
            services.AddSummitOptions<InvitationOptions>("Summit:Invitations");
            services.AddSummitOptions<ScreeningOptions>("Summit:Screening");
            services.AddSummitOptions<MqttOptions>("Summit:Mqtt");
            services.AddSummitOptions<DemoLiveOptions>("Summit:Demo:Live");
        })
        .Build();
}
