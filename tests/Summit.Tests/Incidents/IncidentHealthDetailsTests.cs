using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server.Incidents;
using Summit.Server.Incidents.Photos;
using Summit.Server.Incidents.Progress;
using Summit.Server.Incidents.Raising;
using Summit.Server.Incidents.Reading;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Incidents;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Incidents;

/// <summary>
/// Health incidents hold temperatures, the person concerned and photos of them. Only the roles that handle health read those
/// details, and each read is audited; everyone else who sees incidents sees that one exists, where and how urgent, and no more:
/// in the API, the pages, the bell and the mail.
/// </summary>
public class IncidentHealthDetailsTests(IncidentsFactory app) : IClassFixture<IncidentsFactory>
{
    private const string Person = "Mr Zhang Wei";
    private const string Temperature = "38.9";

    [Fact]
    public async Task A_venue_manager_sees_that_a_fever_incident_exists_but_not_the_temperature()
    {
        // The probe: a venue manager read a fever incident with the temperature.
        var reading = Guid.NewGuid().ToString();
        await app.ReportAutomaticAsync(IncidentIntents.Fever(app.Venue.MainIn.Id, reading));
        var fever = (await ListAsync(Roles.SecurityOfficer)).Single(i => i.Type == IncidentType.Health && i.Place.GateId == app.Venue.MainIn.Id && i.Automatic);

        foreach (var role in new[] { Roles.VenueManager, Roles.OperationsCentre })
        {
            var seen = await app.GetIncidentAsync(fever.Number, role);
            Assert.True(seen.HealthDetailsWithheld);
            Assert.Equal((IncidentType.Health, fever.Severity, fever.Status), (seen.Summary.Type, seen.Summary.Severity, seen.Summary.Status));
            Assert.Equal(app.Venue.MainIn.Id, seen.Summary.Place.GateId);
            Assert.DoesNotContain("38.4", Everything(seen), StringComparison.Ordinal);
        }

        var officer = await app.GetIncidentAsync(fever.Number, Roles.SecurityOfficer);
        Assert.False(officer.HealthDetailsWithheld);
        Assert.Contains("38.4", Assert.Single(officer.Evidence).SummaryEn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_staff_report_of_a_sick_person_is_read_in_full_only_by_security_officers_and_admins()
    {
        var number = await RaiseHealthAsync();
        using var security = await app.ClientForAsync(Roles.SecurityOfficer);
        await (await security.PostAsJsonAsync($"/api/v1/incidents/{number}/comments", new CommentRequest($"{Person} now at {Temperature} °C"), Intents.Json))
            .OkAsync<IncidentDetail>();
        var photo = await (await security.PostAsync($"/api/v1/incidents/{number}/photos", PhotoForm())).OkAsync<AttachmentView>();

        foreach (var role in new[] { Roles.SecurityOfficer, Roles.Admin })
        {
            var full = await app.GetIncidentAsync(number, role);
            Assert.False(full.HealthDetailsWithheld);
            Assert.Contains(Person, full.Description, StringComparison.Ordinal);
            Assert.Contains(full.Timeline, t => t.Text?.Contains(Temperature, StringComparison.Ordinal) == true);
            Assert.Single(full.Photos);
        }

        foreach (var role in new[] { Roles.VenueManager, Roles.OperationsCentre })
        {
            var withheld = await app.GetIncidentAsync(number, role);
            Assert.True(withheld.HealthDetailsWithheld);
            Assert.DoesNotContain(Person, Everything(withheld), StringComparison.Ordinal);
            Assert.DoesNotContain(Temperature, Everything(withheld), StringComparison.Ordinal);
            Assert.Empty(withheld.Photos);
            Assert.Contains(withheld.Timeline, t => t.Kind == TimelineKind.Commented);
            Assert.DoesNotContain(Person, string.Join(" ", (await ListAsync(role)).Select(i => i.Title + " " + i.TitleZh)), StringComparison.Ordinal);

            using var client = await app.ClientForAsync(role);
            await (await client.GetAsync($"/api/v1/incidents/{number}/photos/{photo.Id}")).AssertProblemAsync(403, IncidentErrors.HealthDetailsRestricted);
        }

        Assert.Contains(Person, string.Join(" ", (await ListAsync(Roles.SecurityOfficer)).Select(i => i.Title)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_read_of_health_details_is_audited_and_a_withheld_view_is_not()
    {
        var number = await RaiseHealthAsync();
        var id = (await app.GetIncidentAsync(number, Roles.SecurityOfficer)).Summary.Id.ToString();
        await app.GetIncidentAsync(number, Roles.Admin);
        await app.GetIncidentAsync(number, Roles.VenueManager);

        var reads = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.Action == IncidentAuditActions.HealthDetailsViewed && a.EntityId == id).Select(a => a.ActorName).ToListAsync());
        Assert.Equal(new[] { SummitFactory.EmailOf(Roles.Admin), SummitFactory.EmailOf(Roles.SecurityOfficer) }, reads.Order());
    }

    [Fact]
    public async Task The_bell_and_the_mail_of_a_team_without_health_rights_leave_the_details_out()
    {
        var number = await RaiseHealthAsync();
        using var centre = await app.ClientForAsync(Roles.OperationsCentre);
        await (await centre.PostAsJsonAsync($"/api/v1/incidents/{number}/assignment", new AssignRequest(Roles.VenueManager, null), Intents.Json))
            .OkAsync<IncidentDetail>();

        var mails = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().OutgoingMails.AsNoTracking()
            .Where(m => m.Kind == IncidentNotifier.MailKind).ToListAsync());
        var toVenue = mails.Where(m => m.ToAddress == SummitFactory.EmailOf(Roles.VenueManager) && m.TextBody.Contains(number, StringComparison.Ordinal)).ToList();
        var toSecurity = mails.Where(m => m.ToAddress == SummitFactory.EmailOf(Roles.SecurityOfficer) && m.TextBody.Contains(number, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(toVenue);
        Assert.All(toVenue, m => Assert.DoesNotContain(Person, m.Subject + m.TextBody + m.HtmlBody, StringComparison.Ordinal));
        Assert.All(toVenue, m => Assert.DoesNotContain(Temperature, m.Subject + m.TextBody + m.HtmlBody, StringComparison.Ordinal));
        Assert.Contains(toSecurity, m => m.TextBody.Contains(Person, StringComparison.Ordinal));

        using var venue = await app.ClientForAsync(Roles.VenueManager);
        var bell = await (await venue.GetAsync("/api/v1/notifications?count=100")).OkAsync<Bell>();
        var mine = bell.Items.Where(n => n.Number == number).ToList();
        Assert.NotEmpty(mine);
        Assert.All(mine, n => Assert.DoesNotContain(Person, n.TitleEn + n.TitleZh, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_incident_page_of_a_venue_manager_says_the_details_are_withheld()
    {
        var number = await RaiseHealthAsync();
        var withheld = await app.PageAsync(Roles.VenueManager, $"/operations/incidents/{number}");
        Assert.Contains("data-testid=\"health-withheld\"", withheld, StringComparison.Ordinal);
        Assert.DoesNotContain(Person, withheld, StringComparison.Ordinal);
        var full = await app.PageAsync(Roles.SecurityOfficer, $"/operations/incidents/{number}");
        Assert.Contains(Person, full, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"health-withheld\"", full, StringComparison.Ordinal);
    }

    private async Task<string> RaiseHealthAsync()
    {
        using var gate = await app.ClientForAsync(Roles.GateOperator);
        var created = await (await gate.PostAsJsonAsync("/api/v1/incidents", new IncidentInput(IncidentType.Health, IncidentSeverity.High,
            $"{Person} fainted", $"{Person} fainted in the queue, {Temperature} °C on the forehead thermometer", app.Venue.Main.Id), Intents.Json))
            .OkAsync<IncidentDetail>();
        return created.Summary.Number;
    }

    private async Task<List<IncidentSummary>> ListAsync(string role)
    {
        using var client = await app.ClientForAsync(role);
        return await (await client.GetAsync("/api/v1/incidents")).OkAsync<List<IncidentSummary>>();
    }

    /// <summary>Every text of an incident as a reader receives it.</summary>
    private static string Everything(IncidentDetail detail) => string.Join("\n", new[]
        {
            detail.Summary.Title, detail.Summary.TitleZh, detail.Description, detail.Resolution,
        }
        .Concat(detail.Evidence.SelectMany(e => new[] { e.SummaryEn, e.SummaryZh }))
        .Concat(detail.Timeline.Select(t => t.Text)));

    private static MultipartFormDataContent PhotoForm()
    {
        var file = new ByteArrayContent(TestImages.Jpeg(400, 300));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        return new MultipartFormDataContent { { file, "photo", "patient.jpg" } };
    }

    private sealed record Bell(int Unread, List<NotificationView> Items);
}
