using System.Net.Http.Json;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Programme;
using Summit.Server.Programme.Rules;
using Summit.Server.Programme.Sessions;
using Summit.Server.Programme.Settings;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;
using Summit.Tests.Venues;

namespace Summit.Tests.Programme.Settings;

/// <summary>Each rule's severity and the travel times between venues are the event's: stricter, a rule refuses edits; ignored, it finds nothing.</summary>
public sealed class RuleSettingsTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task Travel_time_between_venues_warns_by_default_refuses_edits_when_set_so_and_is_silent_when_ignored()
    {
        var center = await app.CreateVenueAsync();
        var expo = await app.CreateVenueAsync();
        var hall = await app.CreateRoomAsync(VenuesIntents.NewRoom(center.Id, "TR-1", theatre: 300));
        var stage = await app.CreateRoomAsync(VenuesIntents.NewRoom(expo.Id, "TR-2", theatre: 300));
        var forum = await app.CreateForumAsync();
        var speaker = await app.CreateRemoteSpeakerAsync();
        var morning = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "High-level dialogue"));
        var noon = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "Expo keynotes"));
        var start = VenuesIntents.DayOneNine;
        await (await app.PlaceAsync(morning.Id, hall.Id, start, 60)).OkAsync<SessionView>();
        await (await app.PlaceAsync(noon.Id, stage.Id, start.AddMinutes(75), 60)).OkAsync<SessionView>();
        await (await app.SetPeopleAsync(morning.Id, new ParticipantInput(speaker.Id, ParticipantRole.Panellist, 1))).OkAsync<SessionView>();
        using var manager = await app.ClientForAsync(Roles.ProgrammeManager);

        // 15 minutes between the venues, the default journey 30: a warning, the edit stands.
        await (await app.SetPeopleAsync(noon.Id, new ParticipantInput(speaker.Id, ParticipantRole.Speaker, 1))).OkAsync<SessionView>();
        var warning = Assert.Single((await app.GetSessionAsync(noon.Id)).Conflicts);
        Assert.Equal((ConflictRule.TravelTooShort, RuleSeverity.Warn, 30, 15), (warning.Rule, warning.Severity, warning.Needed, warning.Available));

        // The pair's own time (10 minutes) is enough; the rule made to refuse edits then refuses a tighter move.
        var settings = await (await manager.PutAsJsonAsync("/api/v1/programme/settings", new ProgrammeSettingsInput(10, 30, ["en", "zh-Hans"],
            [new RuleSeverityInput(ConflictRule.TravelTooShort, RuleSeverity.BlockEdit)], [new TravelTimeInput(expo.Id, center.Id, 10)]), Intents.Json))
            .OkAsync<ProgrammeSettingsView>();
        Assert.Equal(RuleSeverity.BlockEdit, settings.Rules.Single(r => r.Rule == ConflictRule.TravelTooShort).Severity);
        Assert.Equal(10, Assert.Single(settings.TravelTimes).Minutes);
        Assert.Empty((await app.GetSessionAsync(noon.Id)).Conflicts);
        var refusal = await (await app.PlaceAsync(noon.Id, stage.Id, start.AddMinutes(65), 60)).ProgrammeRefusalAsync(ProgrammeErrors.EditBlocked);
        Assert.Equal((ConflictRule.TravelTooShort, 10, 5), (Assert.Single(refusal.Conflicts).Rule, refusal.Conflicts[0].Needed, refusal.Conflicts[0].Available));

        // Ignored, the rule finds nothing and the move is made.
        await (await manager.PutAsJsonAsync("/api/v1/programme/settings", new ProgrammeSettingsInput(10, 30,
            Rules: [new RuleSeverityInput(ConflictRule.TravelTooShort, RuleSeverity.Ignore)]), Intents.Json)).OkAsync<ProgrammeSettingsView>();
        await (await app.PlaceAsync(noon.Id, stage.Id, start.AddMinutes(65), 60)).OkAsync<SessionView>();
        Assert.Empty((await app.GetSessionAsync(noon.Id)).Conflicts);

        using var reader = await app.ClientForAsync(Roles.Secretariat);
        var read = await (await reader.GetAsync("/api/v1/programme/settings")).OkAsync<ProgrammeSettingsView>();
        Assert.Equal((RuleSeverity.Ignore, RuleSeverity.Warn), (read.Rules.Single(r => r.Rule == ConflictRule.TravelTooShort).Severity,
            read.Rules.Single(r => r.Rule == ConflictRule.TravelTooShort).Default));
        Assert.Empty(read.TravelTimes);
        await (await manager.PutAsJsonAsync("/api/v1/programme/settings", new ProgrammeSettingsInput(10, 30, TravelTimes: [new TravelTimeInput(expo.Id, expo.Id, 5)]),
            Intents.Json)).AssertProblemAsync(422, Summit.Server.ErrorCodes.RequestInvalid);
    }
}
