using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Privacy;
using Summit.Server.Privacy.Contracts;
using Summit.Server.Programme;
using Summit.Server.Programme.People;
using Summit.Server.Programme.PersonalData;
using Summit.Server.Programme.Public;
using Summit.Server.Programme.Releases;
using Summit.Server.Programme.Sessions;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;
using Summit.Tests.Privacy;
using Summit.Tests.Venues;

namespace Summit.Tests.Programme.PersonalData;

/// <summary>
/// A remote speaker (no guest) is a person of the event for the privacy module: an officer finds them by address, gives them a copy of what the
/// programme holds (name, organisation, address, availability, sessions) and erases it; the session keeps its place for them as "Speaker
/// withdrawn", in the draft, the released programme and its export.
/// </summary>
public sealed class RemoteSpeakerPrivacyTests(PrivacyFactory app) : IClassFixture<PrivacyFactory>
{
    [Fact]
    public async Task A_remote_speaker_is_found_by_address_exported_and_erased_and_the_session_shows_the_speaker_withdrawn()
    {
        var (person, session, email) = await SpeakerInReleasedSessionAsync("Ingrid Vasquez-Halloran", "Keynote: open data");
        using var manager = await app.ClientForAsync(Roles.ProgrammeManager);
        // Staff opening the speaker's record with the address is an audited read.
        Assert.Equal(email, (await (await manager.GetAsync($"/api/v1/programme/people/{person.Id}")).OkAsync<PersonView>()).Email);
        Assert.True(await AuditedAsync(ProgrammeAudit.PersonViewed, person.Id));

        using var officer = await app.ClientForAsync(Roles.DataProtectionOfficer);
        var found = await (await officer.GetAsync("/api/v1/privacy/subjects?search=" + Uri.EscapeDataString(email.ToUpperInvariant()))).OkAsync<List<SubjectMatch>>();
        var match = Assert.Single(found);
        Assert.Equal((person.Id, "Ingrid Vasquez-Halloran", ProgrammePersonalData.Status), (match.PersonId, match.DisplayName, match.Status));
        Assert.Equal(person.Id, Assert.Single(await (await officer.GetAsync("/api/v1/privacy/subjects?search=vasquez-hall")).OkAsync<List<SubjectMatch>>()).PersonId);

        var export = await (await officer.GetAsync($"/api/v1/privacy/subjects/{person.Id}")).OkAsync<PersonalDataExport>();
        Assert.Equal(email, export.Subject.Email);
        var programme = export.Sections.Single(s => s.Area == "programme");
        var speaker = programme.Records.Single(r => r.Kind == "remote-speaker");
        Assert.Equal(email, Field(speaker, "email"));
        Assert.Equal("AT", Field(speaker, "country"));
        Assert.Single(programme.Records, r => r.Kind == "availability");
        var place = Assert.Single(programme.Records, r => r.Kind == "participation");
        Assert.Equal(session.Id.ToString(), Field(place, "session"));
        Assert.Equal("Speaker", Field(place, "role"));
        Assert.True(await AuditedAsync(PrivacyAudit.Exported, person.Id));
        // The JSON file carries it too.
        using var file = JsonDocument.Parse(await officer.GetStringAsync($"/api/v1/privacy/subjects/{person.Id}/export.json"));
        Assert.Contains(file.RootElement.GetProperty("sections").GetProperty("programme").GetProperty("records").EnumerateArray(),
            r => r.GetProperty("kind").GetString() == "remote-speaker");

        var preview = await (await officer.GetAsync($"/api/v1/privacy/subjects/{person.Id}/erasure")).OkAsync<ErasurePreview>();
        Assert.Contains(preview.Counts, c => c is { Area: "programme", Kind: "remote-speaker", Action: DataAction.Anonymized, Count: 1 });
        Assert.Contains(preview.Counts, c => c is { Area: "programme", Kind: "availability", Action: DataAction.Deleted, Count: 1 });
        Assert.Contains(preview.Counts, c => c is { Area: "programme", Kind: "participation", Action: DataAction.Anonymized, Count: 1 });
        var result = await (await officer.PostAsJsonAsync($"/api/v1/privacy/subjects/{person.Id}/erasure", new ErasureRequest("Asked by mail", true), Intents.Json))
            .OkAsync<ErasureResult>();
        Assert.Equal(preview.Counts, result.Counts);

        // Nothing in the database names the speaker any more; the session keeps its place for them.
        var dump = await app.DumpAsync();
        Assert.Empty(dump.Mentions("Vasquez-Halloran"));
        Assert.Empty(dump.Mentions(email));
        var stored = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Set<ProgrammePerson>().AsNoTracking().SingleAsync(p => p.Id == person.Id));
        Assert.NotNull(stored.ErasedAt);
        Assert.Equal(("", "", ""), (stored.Name, stored.Email, stored.Organisation));
        Assert.Single((await app.GetSessionAsync(session.Id)).Participants, p => p.PersonId == person.Id);
        var withdrawn = await (await manager.GetAsync($"/api/v1/programme/people/{person.Id}")).OkAsync<PersonView>();
        Assert.Equal("Speaker withdrawn / 演讲嘉宾已退出", withdrawn.Name);
        await (await manager.PutAsJsonAsync($"/api/v1/programme/people/{person.Id}",
            new PersonInput(null, "Someone else", "", "", ""), Intents.Json)).AssertProblemAsync(409, ProgrammeErrors.PersonWithdrawn);
        // No longer a person the officer can find.
        Assert.Empty(await (await officer.GetAsync("/api/v1/privacy/subjects?search=" + Uri.EscapeDataString(email))).OkAsync<List<SubjectMatch>>());
        await (await officer.GetAsync($"/api/v1/privacy/subjects/{person.Id}")).AssertProblemAsync(404, PrivacyErrors.SubjectNotFound);

        // The public programme (once its kept names are read again) and the export keep the session with the speaker withdrawn, in both languages.
        app.Clock.Advance(PublishedProgrammeCache.PeopleFor + TimeSpan.FromSeconds(1));
        using var anonymous = app.CreateClient();
        var published = await (await anonymous.GetAsync("/api/v1/public/programme")).OkAsync<PublicProgrammeView>();
        var onStage = Assert.Single(published.Sessions.Single(s => s.Id == session.Id).People);
        Assert.True(onStage.Withdrawn);
        Assert.DoesNotContain(await (await anonymous.GetAsync("/api/v1/public/programme/speakers")).OkAsync<List<PublicSpeaker>>(), s => s.Id == person.Id);
        await (await anonymous.GetAsync($"/api/v1/public/programme/speakers/{person.Id}")).AssertProblemAsync(404, ProgrammeErrors.SpeakerNotFound);
        var xml = XDocument.Parse(await anonymous.GetStringAsync("/api/v1/public/programme/schedule.xml"));
        Assert.Contains(xml.Descendants("person"), p => p.Value == "Speaker withdrawn / 演讲嘉宾已退出");
        Assert.DoesNotContain("Vasquez", xml.ToString(), StringComparison.Ordinal);
    }

    private async Task<(PersonView Person, SessionView Session, string Email)> SpeakerInReleasedSessionAsync(string name, string title)
    {
        var email = $"speaker-{Guid.NewGuid():N}@example.org";
        var person = await app.CreatePersonAsync(new PersonInput(null, name, "Vienna University of Technology", "AT", email));
        var (_, session, _) = await app.PlacedSessionAsync(title, VenuesIntents.DayOneNine.AddHours(2), "RS-" + Guid.NewGuid().ToString("N")[..4]);
        await (await app.SetPeopleAsync(session.Id, new ParticipantInput(person.Id, ParticipantRole.Speaker, 1))).OkAsync<SessionView>();
        using var manager = await app.ClientForAsync(Roles.ProgrammeManager);
        await (await manager.PutAsJsonAsync($"/api/v1/programme/people/{person.Id}/availability",
            new[] { new AvailabilityWindow(VenuesIntents.DayOneNine, VenuesIntents.DayOneNine.AddHours(10)) }, Intents.Json)).OkAsync<PersonView>();
        await (await app.ReleaseAsync("with a remote speaker")).OkAsync<ReleaseView>();
        return (person, session, email);
    }

    private Task<bool> AuditedAsync(string action, Guid personId) => app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().AuditEntries.AsNoTracking()
        .AnyAsync(a => a.Action == action && a.EntityType == ProgrammePersonalData.AuditEntityType && a.EntityId == personId.ToString()));

    private static string? Field(PersonalRecord record, string name) => record.Fields.Single(f => f.Name == name).Value?.ToString();
}
