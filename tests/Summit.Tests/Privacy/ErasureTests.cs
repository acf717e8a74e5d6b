using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Access.Core;
using Summit.Server.Access.Blocks;
using Summit.Server.Guests;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Privacy;
using Summit.Server.Privacy.Contracts;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Privacy;

/// <summary>A person's requests during the event: a copy of their data (page and file), and its erasure.</summary>
public sealed class ErasureTests(PrivacyFactory app) : IClassFixture<PrivacyFactory>
{
    [Fact]
    public async Task The_copy_holds_what_each_module_keeps_about_the_person_as_a_page_in_both_languages_and_a_json_file_and_each_look_is_audited()
    {
        var dora = await app.ArrivedPersonAsync("Ferrisby", "Dora", "费", "朵拉");
        await app.IncidentNamingAsync(dora, resolve: true);
        await app.DispatchMailAsync();
        using var officer = await app.ClientForAsync(Roles.DataProtectionOfficer);

        var export = await (await officer.GetAsync($"/api/v1/privacy/subjects/{dora.Id}")).OkAsync<PersonalDataExport>();
        var sections = export.Sections.ToDictionary(s => s.Area);
        Assert.Equal(["guests", "access", "screening", "faces", "incidents", "programme", "mail", "audit"], export.Sections.Select(s => s.Area));
        var guest = sections["guests"].Records.Single(r => r.Kind == "guest");
        Assert.Equal(dora.FamilyNameLatin, Field(guest, "familyNameLatin").GetString());
        Assert.Contains(sections["guests"].Records, r => r.Kind == "photo");
        Assert.Contains(sections["guests"].Records, r => r.Kind == "invitation");
        Assert.Contains(sections["access"].Records, r => r.Kind == "credential");
        Assert.Contains(sections["access"].Records, r => r.Kind == "scan" && Field(r, "admitted").GetBoolean());
        Assert.Contains(sections["access"].Records, r => r.Kind == "presence");
        Assert.Equal("personal.screening.not_linked", sections["screening"].NoteKey);
        var incident = Assert.Single(sections["incidents"].Records);
        Assert.Contains(incident.Fields, f => f.Name == "description" && f.Value!.ToString()!.Contains(dora.FamilyNameLatin, StringComparison.Ordinal));
        Assert.Contains(sections["mail"].Records, r => r.Kind == "mail");
        Assert.Contains(sections["audit"].Records, r => Field(r, "action").GetString() == "guest.registered" && Field(r, "by").GetString() == "you");
        // The passport number appears masked, as staff see it.
        Assert.EndsWith(dora.Passport[^3..], Field(guest, "passport").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(dora.Passport, Field(guest, "passport").GetString(), StringComparison.Ordinal);

        var file = await officer.GetAsync($"/api/v1/privacy/subjects/{dora.Id}/export.json");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/json", file.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await file.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal(SubjectRequests.ExportFormat, root.GetProperty("format").GetString());
        Assert.Equal(90, root.GetProperty("event").GetProperty("retentionDays").GetInt32());
        var records = root.GetProperty("sections").GetProperty("guests").GetProperty("records").EnumerateArray().ToList();
        Assert.Equal(dora.FamilyName, records.Single(r => r.GetProperty("kind").GetString() == "guest").GetProperty("fields").GetProperty("familyName").GetString());
        var jpeg = Convert.FromBase64String(records.Single(r => r.GetProperty("kind").GetString() == "photo").GetProperty("fields").GetProperty("jpeg").GetString()!);
        Assert.Equal([0xFF, 0xD8], jpeg[..2]);
        Assert.NotEmpty(root.GetProperty("sections").GetProperty("access").GetProperty("records").EnumerateArray());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("sections").GetProperty("screening").GetProperty("note").GetString()));

        var english = await app.PageAsync(Roles.DataProtectionOfficer, $"/privacy/subjects/{dora.Id}");
        Assert.Contains("Registration record", english, StringComparison.Ordinal);
        Assert.Contains(dora.FamilyNameLatin, english, StringComparison.Ordinal);
        Assert.Contains("Scan at a gate", english, StringComparison.Ordinal);
        var chinese = await app.PageAsync(Roles.DataProtectionOfficer, $"/privacy/subjects/{dora.Id}", "zh-Hans");
        Assert.Contains("注册记录", chinese, StringComparison.Ordinal);
        Assert.Contains("闸机扫码", chinese, StringComparison.Ordinal);

        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretariat.GetAsync($"/api/v1/privacy/subjects/{dora.Id}")).StatusCode);
        await app.InScopeAsync(async sp =>
        {
            var looks = await sp.GetRequiredService<SummitDbContext>().AuditEntries
                .CountAsync(a => a.Action == PrivacyAudit.Exported && a.EntityId == dora.Id.ToString());
            Assert.Equal(4, looks);
        });
    }

    [Fact]
    public async Task An_erasure_needs_a_reason_and_a_confirmation_waits_for_a_block_and_an_open_incident_then_leaves_no_trace_and_is_audited()
    {
        var eve = await app.ArrivedPersonAsync("Thornquist", "Evelina", "索", "伊芙");
        var incident = await app.IncidentNamingAsync(eve, resolve: false);
        using var security = await app.ClientForAsync(Roles.SecurityOfficer);
        await (await security.PutAsJsonAsync($"/api/v1/access/guests/{eve.Id}/block", new BlockInput("Tried to lend the badge"), Intents.Json))
            .OkAsync<JsonElement>();
        using var officer = await app.ClientForAsync(Roles.DataProtectionOfficer);
        var path = $"/api/v1/privacy/subjects/{eve.Id}/erasure";

        await (await officer.PostAsJsonAsync(path, new ErasureRequest(null, true), Intents.Json)).AssertProblemAsync(422, PrivacyErrors.ErasureReasonRequired);
        await (await officer.PostAsJsonAsync(path, new ErasureRequest(new string('x', 501), true), Intents.Json))
            .AssertProblemAsync(422, PrivacyErrors.ErasureReasonRequired);
        await (await officer.PostAsJsonAsync(path, new ErasureRequest("Mail of 27 Sept, ref DPO-7", false), Intents.Json))
            .AssertProblemAsync(422, PrivacyErrors.ErasureNotConfirmed);
        var refused = await officer.PostAsJsonAsync(path, new ErasureRequest("Mail of 27 Sept, ref DPO-7", true), Intents.Json);
        var problem = await refused.ProblemAsync();
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(PrivacyErrors.ErasureHeld, problem.GetProperty("code").GetString());
        var holds = problem.GetProperty("details").EnumerateArray().Select(h => h.GetProperty("code").GetString()).Order().ToList();
        Assert.Equal(["incident_open", "person_blocked"], holds);
        var preview = await (await officer.GetAsync(path)).OkAsync<ErasurePreview>();
        Assert.Equal(2, preview.Holds.Count);
        Assert.Empty((await app.DumpAsync()).Mentions(PrivacyAudit.Erased));

        Assert.True((await security.DeleteAsync($"/api/v1/access/guests/{eve.Id}/block")).IsSuccessStatusCode);
        await app.ResolveIncidentAsync(incident.Summary.Number);
        preview = await (await officer.GetAsync(path)).OkAsync<ErasurePreview>();
        Assert.Empty(preview.Holds);
        var report = await app.ReportFiguresAsync();

        var result = await (await officer.PostAsJsonAsync(path, new ErasureRequest("Mail of 27 Sept, ref DPO-7", true), Intents.Json)).OkAsync<ErasureResult>();
        Assert.Equal(preview.Counts, result.Counts);
        Assert.Contains(result.Counts, c => c is { Area: "guests", Kind: "guest", Action: DataAction.Anonymized, Count: 1 });
        Assert.Contains(result.Counts, c => c is { Area: "access", Kind: "credential-revoked", Count: 1 });
        Assert.Contains(result.Counts, c => c is { Area: "incidents", Kind: "photo", Action: DataAction.Deleted, Count: 1 });

        await (await officer.GetAsync($"/api/v1/privacy/subjects/{eve.Id}")).AssertProblemAsync(404, PrivacyErrors.SubjectNotFound);
        Assert.Equal(report, await app.ReportFiguresAsync());
        var dump = await app.DumpAsync();
        foreach (var trace in eve.Traces)
        {
            Assert.Empty(dump.Mentions(trace));
        }

        // The badge no longer opens anything, and no list finds the person.
        var scan = await app.ScanAsync(app.Venue.ForumInToken, eve.Code!, GateDirection.Entry);
        Assert.Equal(ReasonCode.Revoked, scan.Reason);
        await app.InScopeAsync(async sp =>
        {
            var found = await sp.GetRequiredService<GuestQueries>().ListAsync(app.EventId, new GuestFilter { Search = eve.FamilyNameLatin });
            Assert.Equal(0, found.Total);
            var db = sp.GetRequiredService<SummitDbContext>();
            var erased = await db.AuditEntries.SingleAsync(a => a.Action == PrivacyAudit.Erased);
            Assert.Equal(result.Pseudonym.ToString(), erased.EntityId);
            Assert.Contains("DPO-7", erased.Changes, StringComparison.Ordinal);
            Assert.Equal(SummitFactory.EmailOf(Roles.DataProtectionOfficer), erased.ActorName, ignoreCase: true);
            var tombstone = await db.Guests.SingleAsync(g => g.Id == result.Pseudonym);
            Assert.NotNull(tombstone.ErasedAt);
            Assert.Equal(app.Categories["Delegate"].Id, tombstone.CategoryId);
        });
    }

    private static JsonElement Field(PersonalRecord record, string name) => (JsonElement)record.Fields.Single(f => f.Name == name).Value!;
}
