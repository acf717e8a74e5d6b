using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server.Incidents;
using Summit.Server.Incidents.Progress;
using Summit.Server.Incidents.Raising;
using Summit.Server.Incidents.Reading;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Incidents;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Incidents;

/// <summary>What incident tests do, named by intent.</summary>
public static class IncidentIntents
{
    public static async Task<IncidentDetail> RaiseAsync(this SummitFactory app, string role = Roles.GateOperator, IncidentType type = IncidentType.Security,
        IncidentSeverity severity = IncidentSeverity.High, Guid? zoneId = null, string? placeText = "Hall A, east door")
    {
        using var client = await app.ClientForAsync(role);
        var response = await client.PostAsJsonAsync("/api/v1/incidents",
            new IncidentInput(type, severity, null, "A man without a badge argues with the stewards", zoneId, null, zoneId is null ? placeText : null), Intents.Json);
        return await response.OkAsync<IncidentDetail>();
    }

    public static async Task<HttpResponseMessage> MoveAsync(this HttpClient client, string number, IncidentStatus to, string? note = null) =>
        await client.PostAsJsonAsync($"/api/v1/incidents/{number}/transitions", new TransitionRequest(to, note), Intents.Json);

    public static async Task<IncidentDetail> GetIncidentAsync(this SummitFactory app, string number, string role = Roles.OperationsCentre)
    {
        using var client = await app.ClientForAsync(role);
        return await (await client.GetAsync($"/api/v1/incidents/{number}")).OkAsync<IncidentDetail>();
    }

    public static Task<List<IncidentNotification>> NotificationsOfAsync(this SummitFactory app, Guid incidentId) =>
        app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().IncidentNotifications.AsNoTracking()
            .Where(n => n.IncidentId == incidentId).ToListAsync());

    public static Task<List<Summit.Server.Infrastructure.Mail.OutgoingMail>> IncidentMailAsync(this SummitFactory app, string number) =>
        app.InScopeAsync(async sp => (await sp.GetRequiredService<SummitDbContext>().OutgoingMails.AsNoTracking()
            .Where(m => m.Kind == IncidentNotifier.MailKind).ToListAsync()).Where(m => m.Subject.Contains(number, StringComparison.Ordinal)).ToList());

    public static Task<Guid> ReportAutomaticAsync(this SummitFactory app, AutomaticIncidentReport report) =>
        app.InScopeAsync(sp => sp.GetRequiredService<IIncidentReporter>().ReportAsync(report));

    public static AutomaticIncidentReport Fever(Guid gateId, string reading) => new(IncidentType.Health, IncidentSeverity.High, "screening.fever",
        new IncidentPlace(GateId: gateId), IncidentText.Of("screening.incident.fever_title", "G-7"), new IncidentEvidence("reading", reading, $"38.4 °C ({reading})", $"38.4 °C（{reading}）"));
}
