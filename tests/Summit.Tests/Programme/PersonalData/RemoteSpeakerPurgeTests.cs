using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Privacy;
using Summit.Server.Privacy.Contracts;
using Summit.Server.Programme;
using Summit.Server.Programme.People;
using Summit.Server.Programme.Registrations;
using Summit.Server.Programme.Releases;
using Summit.Server.Programme.Sessions;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;
using Summit.Tests.Privacy;
using Summit.Tests.Venues;

namespace Summit.Tests.Programme.PersonalData;

/// <summary>After the event's retention period the purge takes the remote speakers with the guests: their sessions keep them as "Speaker withdrawn".</summary>
public sealed class RemoteSpeakerPurgeTests(PrivacyFactory app) : IClassFixture<PrivacyFactory>
{
    [Fact]
    public async Task The_purge_after_the_retention_period_erases_remote_speakers_and_keeps_their_sessions()
    {
        var email = $"purged-speaker-{Guid.NewGuid():N}@example.org";
        var person = await app.CreatePersonAsync(new PersonInput(null, "Oskar Thorvaldsen-Pike", "Reykjavik University", "IS", email));
        var (_, session, _) = await app.PlacedSessionAsync("Panel: after the event", VenuesIntents.DayOneNine.AddHours(4), "RP-1");
        await (await app.SetPeopleAsync(session.Id, new ParticipantInput(person.Id, ParticipantRole.Panellist, 1))).OkAsync<SessionView>();
        // A guest registered for a session that requires it: the purge deletes the registration with the guest.
        var closed = await app.CreateSessionAsync(ProgrammeIntents.NewSession(session.ForumId, "Closed-door: after the event") with { RegistrationRequired = true });
        var guest = await app.RegisteredGuestAsync();
        using (var manager = await app.ClientForAsync(Roles.ProgrammeManager))
        {
            await (await manager.PostAsJsonAsync($"/api/v1/programme/sessions/{closed.Id}/registrations", new RegistrationInput(guest), Intents.Json))
                .OkAsync<SessionRegistrationsView>();
        }

        await (await app.ReleaseAsync("before the purge")).OkAsync<ReleaseView>();

        app.Clock.SetUtcNow(PrivacyIntents.DefaultDue);
        var plan = await app.PreviewPurgeAsync();
        Assert.Contains(plan.Counts, c => c is { Area: "programme", Kind: "remote-speaker", Action: DataAction.Anonymized, Count: >= 1 });
        Assert.Contains(plan.Counts, c => c is { Area: "programme", Kind: "participation", Action: DataAction.Anonymized, Count: >= 1 });
        Assert.Contains(plan.Counts, c => c is { Area: "programme", Kind: "registration", Action: DataAction.Deleted, Count: >= 1 });
        var run = await (await app.PurgeAsync()).OkAsync<PurgeRunView>();
        Assert.Equal(PurgeOutcome.Completed, run.Outcome);
        Assert.Equal(plan.Counts.Single(c => c.Kind == "remote-speaker").Count, run.Counts.Single(c => c.Kind == "remote-speaker").Count);

        var stored = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Set<ProgrammePerson>().AsNoTracking().SingleAsync(p => p.Id == person.Id));
        Assert.NotNull(stored.ErasedAt);
        Assert.Empty((await app.DumpAsync()).Mentions("Thorvaldsen"));
        Assert.Empty((await app.DumpAsync()).Mentions(email));
        Assert.Single((await app.GetSessionAsync(session.Id)).Participants, p => p.PersonId == person.Id);
        Assert.Equal(plan.Counts.Single(c => c.Kind == "registration").Count, run.Counts.Single(c => c.Kind == "registration").Count);
        Assert.False(await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Set<SessionRegistration>().AnyAsync(r => r.GuestId == guest)));
        // Nothing is left for a second purge.
        Assert.DoesNotContain((await app.PreviewPurgeAsync()).Counts, c => c is { Area: "programme", Kind: "remote-speaker" });
    }
}
