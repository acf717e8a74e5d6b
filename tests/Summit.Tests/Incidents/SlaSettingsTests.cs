using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server;
using Summit.Server.Incidents;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Incidents;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Incidents;

/// <summary>An admin sets the event's SLA targets: validated, audited, and given to the next incidents; running incidents keep theirs.</summary>
public sealed class SlaSettingsTests(IncidentsFactory app) : IClassFixture<IncidentsFactory>
{
    private static readonly SlaSettingsInput Tighter = new(new(3, 20), new(10, 60), new(20, 240), new(60, 720));

    [Fact]
    public async Task New_incidents_take_the_targets_an_admin_set_and_running_ones_keep_theirs()
    {
        var running = await app.RaiseAsync(severity: IncidentSeverity.High);
        Assert.Equal(TimeSpan.FromMinutes(15), running.AcknowledgeDueAt - running.Summary.CreatedAt);

        using var admin = await app.ClientForAsync(Roles.Admin);
        var defaults = await (await admin.GetAsync("/api/v1/incidents/sla")).OkAsync<SlaSettingsView>();
        Assert.False(defaults.FromEvent);
        Assert.Equal(new SlaMinutes(15, 120), defaults.Targets.High);

        var saved = await (await admin.PutAsJsonAsync("/api/v1/incidents/sla", Tighter, Intents.Json)).OkAsync<SlaSettingsView>();
        Assert.True(saved.FromEvent);
        Assert.Equal(Tighter, saved.Targets);
        Assert.Equal(new SlaMinutes(15, 120), saved.Defaults.High);

        var raised = await app.RaiseAsync(severity: IncidentSeverity.High);
        Assert.Equal(TimeSpan.FromMinutes(10), raised.AcknowledgeDueAt - raised.Summary.CreatedAt);
        Assert.Equal(TimeSpan.FromMinutes(60), raised.ResolveDueAt - raised.Summary.CreatedAt);
        var unchanged = await app.GetIncidentAsync(running.Summary.Number);
        Assert.Equal(running.AcknowledgeDueAt, unchanged.AcknowledgeDueAt);

        var audit = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().AuditEntries.AsNoTracking()
            .SingleAsync(a => a.Action == IncidentAuditActions.SlaChanged));
        Assert.Contains("High.acknowledgeMinutes", audit.Changes!, StringComparison.Ordinal);
    }

    public static TheoryData<SlaSettingsInput, string> Invalid => new()
    {
        { Tighter with { Critical = new(0, 20) }, IncidentErrors.SlaOutOfRange },
        { Tighter with { Low = new(60, 20_000) }, IncidentErrors.SlaOutOfRange },
        { Tighter with { Medium = new(30, 25) }, IncidentErrors.SlaResolveBeforeAcknowledge },
        { Tighter with { High = new(2, 60) }, IncidentErrors.SlaOrder },
        { Tighter with { Low = new(60, 200) }, IncidentErrors.SlaOrder },
        { Tighter with { High = null! }, ErrorCodes.RequestInvalid },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Targets_that_are_not_positive_or_out_of_severity_order_are_refused_with_their_reason(SlaSettingsInput input, string code)
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        var before = await (await admin.GetAsync("/api/v1/incidents/sla")).OkAsync<SlaSettingsView>();
        await (await admin.PutAsJsonAsync("/api/v1/incidents/sla", input, Intents.Json)).AssertProblemAsync(422, code);
        Assert.Equal(before.Targets, (await (await admin.GetAsync("/api/v1/incidents/sla")).OkAsync<SlaSettingsView>()).Targets);
    }

    [Theory]
    [InlineData("en", "High cannot have a shorter target than Critical")]
    [InlineData("zh-Hans", "紧急")]
    public async Task A_refusal_names_the_severities_in_the_reader_s_language(string language, string expected)
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var response = await admin.PutAsJsonAsync("/api/v1/incidents/sla", Tighter with { Critical = new(120, 600) }, Intents.Json);
        var title = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString()!;
        Assert.Contains(expected, title, StringComparison.Ordinal);
        Assert.DoesNotContain(language == "en" ? "紧急" : "Critical", title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.OperationsCentre)]
    [InlineData(Roles.Secretariat)]
    [InlineData(Roles.SecurityOfficer)]
    public async Task Only_an_admin_may_change_the_targets(string role)
    {
        using var client = await app.ClientForAsync(role);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync("/api/v1/incidents/sla", Tighter, Intents.Json)).StatusCode);
    }

    [Theory]
    [InlineData("en", "Incident response times (SLA)", "Acknowledge within (min)")]
    [InlineData("zh-Hans", "事件响应时限（SLA）", "确认时限（分钟）")]
    public async Task The_event_settings_page_has_the_sla_section_for_the_admin_only(string language, string heading, string column)
    {
        var html = await app.PageAsync(Roles.Admin, "/event", language);
        Assert.Contains(heading, html, StringComparison.Ordinal);
        Assert.Contains(column, html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"sla-ack-Critical\"", html, StringComparison.Ordinal);

        Assert.DoesNotContain("data-testid=\"incident-sla-settings\"", await app.PageAsync(Roles.Secretariat, "/event", language), StringComparison.Ordinal);
    }
}
