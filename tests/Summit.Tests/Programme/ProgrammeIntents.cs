using System.Net.Http.Json;
using System.Text.Json;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Programme;
using Summit.Server.Programme.Forums;
using Summit.Server.Programme.People;
using Summit.Server.Programme.Releases;
using Summit.Server.Programme.Sessions;
using Summit.Server.Venues.Contracts;
using Summit.Server.Venues.Rooms;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;
using Summit.Tests.Venues;

namespace Summit.Tests.Programme;

/// <summary>What programme tests do through the HTTP API, named by intent, as a programme manager. Each test makes its own forum, rooms and people.</summary>
public static class ProgrammeIntents
{
    public static async Task<ForumView> CreateForumAsync(this SummitFactory app, ForumKind kind = ForumKind.Sub)
    {
        using var manager = await app.ClientForAsync(Roles.ProgrammeManager);
        var name = "Forum " + Guid.NewGuid().ToString("N")[..8];
        return await (await manager.PostAsJsonAsync("/api/v1/programme/forums", new ForumInput(kind, name, name + "（中）", "CAICT", "Digital economy"),
            Intents.Json)).OkAsync<ForumView>();
    }

    public static SessionInput NewSession(Guid forumId, string title = "Panel: data and trade", int attendance = 100, string language = "en",
        string[]? channels = null, SessionKind kind = SessionKind.Panel) =>
        new(forumId, kind, title, title + "（中）", language, attendance, SeatingLayout.Theatre, channels ?? ["zh-Hans"]);

    public static async Task<SessionView> CreateSessionAsync(this SummitFactory app, SessionInput input)
    {
        using var manager = await app.ClientForAsync(Roles.ProgrammeManager);
        return await (await manager.PostAsJsonAsync("/api/v1/programme/sessions", input, Intents.Json)).OkAsync<SessionView>();
    }

    /// <summary>Places (or moves) a session as the programme manager; the answer is not checked: the caller asserts it.</summary>
    public static async Task<HttpResponseMessage> PlaceAsync(this SummitFactory app, Guid sessionId, Guid roomId, DateTimeOffset start, int minutes,
        string? language = null)
    {
        using var manager = await app.ClientForAsync(Roles.ProgrammeManager);
        if (language is not null)
        {
            manager.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return await manager.PutAsJsonAsync($"/api/v1/programme/sessions/{sessionId}/placement", new PlacementInput(roomId, start, start.AddMinutes(minutes)),
            Intents.Json);
    }

    public static async Task<PersonView> CreateRemoteSpeakerAsync(this SummitFactory app, string name = "Lukas Berger")
    {
        using var manager = await app.ClientForAsync(Roles.ProgrammeManager);
        return await (await manager.PostAsJsonAsync("/api/v1/programme/people",
            new PersonInput(null, name, "Vienna University of Technology", "AT", "lukas.berger@example.org"), Intents.Json)).OkAsync<PersonView>();
    }

    public static async Task<PersonView> CreatePersonAsync(this SummitFactory app, PersonInput input)
    {
        using var manager = await app.ClientForAsync(Roles.ProgrammeManager);
        return await (await manager.PostAsJsonAsync("/api/v1/programme/people", input, Intents.Json)).OkAsync<PersonView>();
    }

    public static async Task<HttpResponseMessage> SetPeopleAsync(this SummitFactory app, Guid sessionId, params ParticipantInput[] people)
    {
        using var manager = await app.ClientForAsync(Roles.ProgrammeManager);
        return await manager.PutAsJsonAsync($"/api/v1/programme/sessions/{sessionId}/participants", people, Intents.Json);
    }

    public static async Task<SessionView> GetSessionAsync(this SummitFactory app, Guid sessionId)
    {
        using var manager = await app.ClientForAsync(Roles.ProgrammeManager);
        return await (await manager.GetAsync($"/api/v1/programme/sessions/{sessionId}")).OkAsync<SessionView>();
    }

    /// <summary>Releases the draft as the programme manager (or another role); the answer is not checked: the caller asserts it.</summary>
    public static async Task<HttpResponseMessage> ReleaseAsync(this SummitFactory app, string? comment = null, string? language = null,
        string role = Roles.ProgrammeManager)
    {
        using var client = await app.ClientForAsync(role);
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return await client.PostAsJsonAsync("/api/v1/programme/releases", new ReleaseInput(comment), Intents.Json);
    }

    public static async Task<ReleasePreview> PendingReleaseAsync(this SummitFactory app)
    {
        using var client = await app.ClientForAsync(Roles.Secretariat);
        return await (await client.GetAsync("/api/v1/programme/releases/pending")).OkAsync<ReleasePreview>();
    }

    /// <summary>A forum with a session placed in a new room of a new venue at <paramref name="start"/> for 90 minutes, heard in English and Chinese.</summary>
    public static async Task<(ForumView Forum, SessionView Session, RoomView Room)> PlacedSessionAsync(this SummitFactory app, string title, DateTimeOffset start,
        string code, string language = "en", string[]? channels = null)
    {
        var venue = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, code, theatre: 300));
        var forum = await app.CreateForumAsync();
        var session = await app.CreateSessionAsync(NewSession(forum.Id, title, language: language, channels: channels));
        return (forum, await (await app.PlaceAsync(session.Id, room.Id, start, 90)).OkAsync<SessionView>(), room);
    }

    public static async Task<ProgrammeRefusal> ProgrammeRefusalAsync(this HttpResponseMessage response, string code)
    {
        await response.AssertProblemAsync(409, code);
        var problem = await response.ProblemAsync();
        return problem.GetProperty("details").Deserialize<ProgrammeRefusal>(Intents.Json)!;
    }
}
