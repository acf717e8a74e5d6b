using System.Net;
using System.Net.Http.Json;
using Summit.Server.Guests.Portal;
using Summit.Server.Programme;
using Summit.Server.Programme.People;
using Summit.Server.Programme.Releases;
using Summit.Server.Programme.Sessions;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;
using Summit.Tests.Programme;
using Summit.Tests.Venues;

namespace Summit.Tests.Guests;

/// <summary>
/// The portal lists what Summit wrote to its holder (issue 13: a release's notice reaches the people it concerns "by mail and in the
/// app"): the invitation, and a programme release that concerns them, in their language, newest first; nobody else's.
/// </summary>
public sealed class PortalMessagesTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task A_speaker_reads_the_release_notice_in_the_portal_and_another_guest_does_not()
    {
        var speakerGuest = await app.CreateGuestAsync(Intents.NewGuestInput());
        var token = await app.InviteAsync(speakerGuest.Id);
        var bystander = await app.CreateGuestAsync(Intents.NewGuestInput());
        var bystanderToken = await app.InviteAsync(bystander.Id);
        var speaker = await app.CreatePersonAsync(new PersonInput(speakerGuest.Id));
        var (_, panel, _) = await app.PlacedSessionAsync("Panel: messages in the portal", VenuesIntents.DayOneNine, "PM-1");
        await (await app.SetPeopleAsync(panel.Id, new ParticipantInput(speaker.Id, ParticipantRole.Speaker, 1))).OkAsync<SessionView>();
        var release = await (await app.ReleaseAsync()).OkAsync<ReleaseView>();

        using var client = app.CreateClient();
        var messages = await client.GetFromJsonAsync<List<PortalMessage>>($"/api/v1/portal/{token}/messages", Intents.Json);
        Assert.NotNull(messages);
        Assert.True(messages.Count >= 2, $"Only {messages.Count} messages listed.");
        // Newest first: the notice of the release, in the guest's language (Chinese), then the invitation before it.
        var notice = messages[0];
        Assert.Equal(ReleaseNotices.MailKind, notice.Kind);
        Assert.Equal($"测试峰会：议程第 {release.Release.Number} 版已发布", notice.Subject);
        Assert.Contains("Panel: messages in the portal（中）", notice.Text, StringComparison.Ordinal);
        Assert.Contains(messages.Skip(1), m => m.Kind == "invitation");
        Assert.True(messages.Zip(messages.Skip(1)).All(p => p.First.WrittenAt >= p.Second.WrittenAt), "The messages are not newest first.");

        var others = await client.GetFromJsonAsync<List<PortalMessage>>($"/api/v1/portal/{bystanderToken}/messages", Intents.Json);
        Assert.NotNull(others);
        Assert.DoesNotContain(others, m => m.Kind == ReleaseNotices.MailKind || messages.Any(mine => mine.Id == m.Id));

        using var unknown = await client.GetAsync("/api/v1/portal/not-a-real-token-0000000000000000000000000/messages");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
