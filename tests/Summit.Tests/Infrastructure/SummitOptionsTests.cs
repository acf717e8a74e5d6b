using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Summit.Server.Demo;
using Summit.Server.Demo.Live;
using Summit.Server.Guests.Invitations;
using Summit.Server.Incidents;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Mail;
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
    [InlineData("Summit:Mqtt:SharedGroup", "summit/#", "Summit:Mqtt:SharedGroup")]
    [InlineData("Summit:Mqtt:SharedGroup", "summit", "needs an external broker")]
    [InlineData("Summit:Demo:Live:Speed", "0", "Summit:Demo:Live:Speed")]
    [InlineData("Summit:Demo:Faces:FetchTimeout", "00:00:00", "Summit:Demo:Faces:FetchTimeout")]
    [InlineData("Summit:Mail:FromAddress", "secretariat", "Summit:Mail:FromAddress")]
    [InlineData("Summit:Mail:PublicBaseUrl", "summit.example.org", "Summit:Mail:PublicBaseUrl")]
    [InlineData("Summit:Mail:SmtpPort", "0", "Summit:Mail:SmtpPort")]
    [InlineData("Summit:Mail:SmtpSecurity", "Tls", "Summit:Mail:SmtpSecurity")]
    [InlineData("Summit:Security:SignInRequestsPerMinute", "0", "Summit:Security:SignInRequestsPerMinute")]
    [InlineData("Summit:Security:MaxBackoff", "00:00:10", "Summit:Security:FirstBackoff")]
    [InlineData("Summit:Security:SessionRevalidationInterval", "00:00:00", "Summit:Security:SessionRevalidationInterval")]
    [InlineData("Summit:Security:KnownProxies:0", "proxy.local", "Summit:Security:KnownProxies")]
    [InlineData("Summit:Security:KnownNetworks:0", "10.0.0.0", "Summit:Security:KnownNetworks")]
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
        Assert.Equal(30, host.Services.GetRequiredService<IOptions<SecurityOptions>>().Value.SignInRequestsPerMinute);
        await host.StopAsync();
    }

    [Fact]
    public void Mail_links_point_at_the_first_address_the_server_listens_on_and_the_outbox_is_in_the_data_directory()
    {
        using var host = HostWith(new Dictionary<string, string?> { ["urls"] = "http://0.0.0.0:5080;https://0.0.0.0:5443" });
        var mail = host.Services.GetRequiredService<IOptions<MailOptions>>().Value;
        Assert.Equal("http://localhost:5080", mail.PublicBaseUrl);
        Assert.Equal(Path.Combine(DataDirectory, "outbox"), mail.OutboxDirectory);
        Assert.IsType<OutboxFolderTransport>(host.Services.GetRequiredService<IMailTransport>());
    }

    [Fact]
    public void Mail_settings_that_are_given_win_over_the_derived_ones_and_an_SMTP_host_chooses_SMTP()
    {
        using var host = HostWith(new Dictionary<string, string?>
        {
            ["urls"] = "http://+:5080",
            ["Summit:Mail:PublicBaseUrl"] = "https://summit.example.org",
            ["Summit:Mail:OutboxDirectory"] = "relative-outbox",
            ["Summit:Mail:SmtpHost"] = "smtp.example.org",
        });
        var mail = host.Services.GetRequiredService<IOptions<MailOptions>>().Value;
        Assert.Equal("https://summit.example.org", mail.PublicBaseUrl);
        Assert.Equal(Path.GetFullPath("relative-outbox"), mail.OutboxDirectory);
        Assert.IsType<SmtpTransport>(host.Services.GetRequiredService<IMailTransport>());
    }

    [Theory]
    [InlineData("http://+:5080", "http://localhost:5080")]
    [InlineData("http://*:80", "http://localhost:80")]
    [InlineData("http://[::]:5080", "http://localhost:5080")]
    [InlineData("https://summit.example.org:8443", "https://summit.example.org:8443")]
    public void A_wildcard_listening_address_becomes_localhost_in_mail_links(string urls, string expected)
    {
        using var host = HostWith(new Dictionary<string, string?> { ["urls"] = urls });
        Assert.Equal(expected, host.Services.GetRequiredService<IOptions<MailOptions>>().Value.PublicBaseUrl);
    }

    private static readonly string DataDirectory = Path.Combine(Path.GetTempPath(), "summit-options-tests");

    private static IHost HostWith(Dictionary<string, string?> settings) => new HostBuilder()
        .ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings.Prepend(new("Summit:Mail:DispatchInBackground", "false"))))
        .ConfigureServices(services =>
        {
            services.AddSummitOptions<IncidentOptions>("Summit:Incidents");
            services.AddSummitOptions<PrivacyOptions>("Summit:Privacy");
            services.AddSummitOptions<InvitationOptions>("Summit:Invitations");
            services.AddSummitOptions<ScreeningOptions>("Summit:Screening");
            services.AddSummitOptions<MqttOptions>("Summit:Mqtt");
            services.AddSummitOptions<DemoLiveOptions>("Summit:Demo:Live");
            services.AddSummitOptions<DemoFaceOptions>("Summit:Demo:Faces");
            services.AddSummitOptions<SecurityOptions>("Summit:Security");
            // The whole of mail's registration, so that the transport is chosen as in the server; its dispatcher waits for a caller.
            services.AddSingleton(TimeProvider.System);
            services.AddSummitMail(DataDirectory);
        })
        .Build();
}
