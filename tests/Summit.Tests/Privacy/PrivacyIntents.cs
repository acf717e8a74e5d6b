using System.Data.Common;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Access.Core;
using Summit.Server.Guests;
using Summit.Server.Incidents;
using Summit.Server.Incidents.Progress;
using Summit.Server.Incidents.Raising;
using Summit.Server.Incidents.Reading;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Operations.Reports;
using Summit.Server.Privacy;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Privacy;

/// <summary>What privacy tests do, named by intent.</summary>
public static class PrivacyIntents
{
    /// <summary>
    /// The moment the test event's default retention (90 days after 28 September 2021) ends: 28 December 2021, 00:00 in Wuzhen,
    /// written in UTC as a clock gives it (PostgreSQL stores only UTC times).
    /// </summary>
    public static readonly DateTimeOffset DefaultDue = new(2021, 12, 27, 16, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// A guest with names of their own (so that a search of the database for them finds no one else), registered in the portal
    /// with a photo and a passport number, approved, given a code, and admitted at the main entrance.
    /// </summary>
    public static async Task<Person> ArrivedPersonAsync(this AccessFactory app, string familyLatin, string givenLatin, string family, string given,
        string category = "Delegate")
    {
        var email = $"{givenLatin}.{familyLatin}-{Guid.NewGuid():N}@example.org".ToLowerInvariant();
        var passport = "P" + Random.Shared.Next(10_000_000, 99_999_999);
        var input = Intents.NewGuestInput(email, category);
        var guest = await app.CreateGuestAsync(input);
        var token = await app.InviteAsync(guest.Id);
        var form = new MultipartFormDataContent
        {
            { new StringContent(family), "familyName" }, { new StringContent(given), "givenName" }, { new StringContent(familyLatin), "familyNameLatin" },
            { new StringContent(givenLatin), "givenNameLatin" }, { new StringContent("Zhejiang University"), "organisation" },
            { new StringContent("University"), "organisationType" }, { new StringContent("CN"), "country" }, { new StringContent("en"), "language" },
            { new StringContent("InPerson"), "participationMode" }, { new StringContent(passport), "passportNumber" }, { new StringContent("true"), "dataConsent" },
            { new ByteArrayContent(TestImages.Jpeg(400, 500)) { Headers = { ContentType = new("image/jpeg") } }, "photo", "me.jpg" },
        };
        await (await app.RegisterAsync(token, form)).OkAsync<Summit.Server.Guests.Portal.PortalView>();
        await app.ApproveAsync(guest.Id);
        var code = await app.IssueCodeAsync(guest.Id);
        var scan = await app.ScanAsync(app.Venue.MainInToken, code, GateDirection.Entry);
        Assert.True(scan.Admitted, scan.Reason.ToString());
        return new Person(guest.Id, familyLatin, givenLatin, family, given, email, passport, code);
    }

    /// <summary>A resolved incident raised by staff whose description names the person (as staff do write).</summary>
    public static async Task<IncidentDetail> IncidentNamingAsync(this SummitFactory app, Person person, bool resolve)
    {
        using var centre = await app.ClientForAsync(Roles.OperationsCentre);
        var created = await (await centre.PostAsJsonAsync("/api/v1/incidents", new IncidentInput(Summit.Server.Infrastructure.Incidents.IncidentType.GuestService,
            Summit.Server.Infrastructure.Incidents.IncidentSeverity.Low, "Lost bag", $"{person.GivenNameLatin} {person.FamilyNameLatin} lost a bag near gate A1",
            PlaceText: "Gate A1"), Intents.Json)).OkAsync<IncidentDetail>();
        using var photo = new MultipartFormDataContent { { new ByteArrayContent(TestImages.Jpeg(640, 480)) { Headers = { ContentType = new("image/jpeg") } }, "photo", "bag.jpg" } };
        Assert.True((await centre.PostAsync($"/api/v1/incidents/{created.Summary.Number}/photos", photo)).IsSuccessStatusCode);
        await (await centre.PostAsJsonAsync($"/api/v1/incidents/{created.Summary.Number}/comments",
            new CommentRequest($"Called {person.Email} about it"), Intents.Json)).OkAsync<IncidentDetail>();
        if (!resolve)
        {
            return created;
        }

        return await (await centre.PostAsJsonAsync($"/api/v1/incidents/{created.Summary.Number}/transitions",
            new TransitionRequest(IncidentStatus.Resolved, $"Bag returned to {person.GivenNameLatin} {person.FamilyNameLatin}"), Intents.Json)).OkAsync<IncidentDetail>();
    }

    public static async Task ResolveIncidentAsync(this SummitFactory app, string number)
    {
        using var centre = await app.ClientForAsync(Roles.OperationsCentre);
        await (await centre.PostAsJsonAsync($"/api/v1/incidents/{number}/transitions", new TransitionRequest(IncidentStatus.Resolved, "Done"), Intents.Json))
            .OkAsync<IncidentDetail>();
    }

    /// <summary>The closing report's figures (not when or by whom it was built), as JSON, to compare before and after.</summary>
    /// <summary>The closing report's figures as JSON, pinned to a stamp (now by default), to compare before and after a purge.</summary>
    public static async Task<string> ReportFiguresAsync(this SummitFactory app, DateTimeOffset? asOf = null) => await app.InScopeAsync(async sp =>
    {
        var report = await sp.GetRequiredService<ClosingReportService>().BuildAsync(asOf);
        return JsonSerializer.Serialize(new { report.Access, report.Screening, report.Incidents }, Intents.Json);
    });

    /// <summary>
    /// Every value of every row of every table, as text (bytes as hex are left out: photos and keys are encrypted), for searching
    /// the whole database for a person's traces and for checking that a dry run wrote nothing.
    /// </summary>
    public static async Task<Dictionary<string, List<string>>> DumpAsync(this SummitFactory app, params string[] except) => await app.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<SummitDbContext>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = db.Database.IsSqlite()
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var dump = new Dictionary<string, List<string>>();
        foreach (var table in tables.Where(t => !except.Contains(t) && t != "__EFMigrationsHistory"))
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => Text(reader, i))));
            }

            rows.Sort(StringComparer.Ordinal);
            dump[table] = rows;
        }

        await db.Database.CloseConnectionAsync();
        return dump;
    });

    private static string Text(DbDataReader reader, int i) => reader.IsDBNull(i) ? "∅" : reader.GetValue(i) switch
    {
        byte[] bytes => $"bytes:{bytes.Length}",
        DateTime time => time.ToString("O"),
        DateTimeOffset time => time.ToString("O"),
        var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>The tables and rows that mention a text (case-insensitive).</summary>
    public static List<string> Mentions(this Dictionary<string, List<string>> dump, string text) =>
        [.. dump.SelectMany(t => t.Value.Where(r => r.Contains(text, StringComparison.OrdinalIgnoreCase)).Select(r => $"{t.Key}: {r}"))];

    public static async Task<PurgePlan> PreviewPurgeAsync(this SummitFactory app)
    {
        using var officer = await app.ClientForAsync(Roles.DataProtectionOfficer);
        return await (await officer.GetAsync("/api/v1/privacy/purge/preview")).OkAsync<PurgePlan>();
    }

    public static async Task<HttpResponseMessage> PurgeAsync(this SummitFactory app)
    {
        using var officer = await app.ClientForAsync(Roles.DataProtectionOfficer);
        return await officer.PostAsync("/api/v1/privacy/purge", null);
    }

    public static async Task<int> GuestCountAsync(this SummitFactory app) =>
        await app.InScopeAsync(async sp => await sp.GetRequiredService<SummitDbContext>().Guests.CountAsync());

    public static GuestQueries Queries(IServiceProvider sp) => sp.GetRequiredService<GuestQueries>();
}
