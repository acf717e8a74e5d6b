using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server;
using Summit.Server.Guests;
using Summit.Server.Guests.Portal;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Programme;
using Summit.Server.Programme.Agenda;
using Summit.Server.Programme.People;
using Summit.Server.Programme.Public;
using Summit.Server.Programme.Releases;
using Summit.Server.Programme.Sessions;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;
using Summit.Tests.Venues;

namespace Summit.Tests.Programme.Agenda;

/// <summary>
/// The online join link (https, online or hybrid sessions only, private unless published) in the agenda, its feed and the public programme;
/// and the guest's own time zone, chosen in the portal, in the agenda and its feed (a full VTIMEZONE, so a phone converts the times).
/// </summary>
public sealed class AgendaZoneAndJoinLinkTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    private const string PrivateLink = "https://meet.example.org/j/closed-session?pwd=s3cret";
    private const string PublicLink = "https://live.example.org/wuzhen/opening";

    [Fact]
    public async Task A_join_link_is_https_on_an_online_or_hybrid_session_and_bounded_refused_otherwise_in_both_languages()
    {
        var forum = await app.CreateForumAsync();
        using var manager = await app.ClientForAsync(Roles.ProgrammeManager);
        manager.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-Hans");
        var hybrid = ProgrammeIntents.NewSession(forum.Id, "Join link checks") with { Format = SessionFormat.Hybrid };
        foreach (var (input, code) in new[]
        {
            (hybrid with { JoinLink = "http://meet.example.org/j/1" }, ProgrammeErrors.LinkInvalid),
            (hybrid with { JoinLink = "https://user:pass@meet.example.org/j/1" }, ProgrammeErrors.LinkInvalid),
            (hybrid with { JoinLink = "javascript:alert(1)" }, ProgrammeErrors.LinkInvalid),
            (hybrid with { JoinLink = "https://meet.example.org/" + new string('a', ProgrammeLimits.LinkLength) }, ErrorCodes.FieldTooLong),
            (hybrid with { Format = SessionFormat.InPerson, JoinLink = PublicLink }, ProgrammeErrors.JoinLinkInPerson),
        })
        {
            var response = await manager.PostAsJsonAsync("/api/v1/programme/sessions", input, Intents.Json);
            await response.AssertProblemAsync(422, ErrorCodes.RequestInvalid);
            var detail = (await response.ProblemAsync()).GetProperty("details").EnumerateArray().Single();
            Assert.Equal(code, detail.GetProperty("code").GetString());
            Assert.Contains("线上参会链接", detail.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        var saved = await app.CreateSessionAsync(hybrid with { JoinLink = " " + PrivateLink + " ", JoinLinkPublic = true });
        Assert.Equal((PrivateLink, true), (saved.JoinLink, saved.JoinLinkPublic));
        // Published without a link means nothing: the flag goes with the link.
        var cleared = await (await manager.PutAsJsonAsync($"/api/v1/programme/sessions/{saved.Id}", hybrid with { JoinLinkPublic = true }, Intents.Json))
            .OkAsync<SessionView>();
        Assert.Equal((null, false), (cleared.JoinLink, cleared.JoinLinkPublic));
    }

    [Fact]
    public async Task The_agenda_shows_a_private_link_to_its_guest_the_public_programme_and_its_export_only_a_published_one()
    {
        var (_, token) = await app.GuestWithTokenAsync();
        var (hybrid, online) = await LinkedSessionsAsync("JL");
        await (await app.ReleaseAsync("links")).OkAsync<ReleaseView>();
        using var portal = app.CreateClient();
        await portal.AddToAgendaAsync(token, hybrid.Id);
        var view = await portal.AddToAgendaAsync(token, online.Id);
        Assert.Equal(PrivateLink, view.Entries.Single(e => e.SessionId == hybrid.Id).JoinLink);
        Assert.Equal(PublicLink, view.Entries.Single(e => e.SessionId == online.Id).JoinLink);

        using var anonymous = app.CreateClient();
        var published = await (await anonymous.GetAsync("/api/v1/public/programme")).OkAsync<PublicProgrammeView>();
        Assert.Null(published.Sessions.Single(s => s.Id == hybrid.Id).JoinLink);
        Assert.Equal(PublicLink, published.Sessions.Single(s => s.Id == online.Id).JoinLink);
        var json = await anonymous.GetStringAsync("/api/v1/public/programme");
        var xmlText = await anonymous.GetStringAsync("/api/v1/public/programme/schedule.xml");
        var scheduleJson = await anonymous.GetStringAsync("/api/v1/public/programme/schedule.json");
        foreach (var text in new[] { json, xmlText, scheduleJson })
        {
            Assert.DoesNotContain("s3cret", text, StringComparison.Ordinal);
        }

        // Only published links, each under the reader's title (other tests of the class publish the same one).
        var links = XDocument.Parse(xmlText).Descendants("link").ToList();
        Assert.NotEmpty(links);
        Assert.All(links, l => Assert.Equal((PublicLink, "Join online"), (l.Attribute("href")!.Value, l.Value)));
        var jsonLinks = JsonDocument.Parse(scheduleJson).RootElement.GetProperty("schedule").GetProperty("conference").GetProperty("days").EnumerateArray()
            .SelectMany(d => d.GetProperty("rooms").EnumerateObject().SelectMany(r => r.Value.EnumerateArray()))
            .SelectMany(e => e.GetProperty("links").EnumerateArray()).ToList();
        Assert.Equal(links.Count, jsonLinks.Count);
        Assert.All(jsonLinks, l => Assert.Equal(PublicLink, l.GetProperty("url").GetString()));
        Assert.Contains("线上参会", XDocument.Parse(await anonymous.GetStringAsync("/api/v1/public/programme/schedule.xml?language=zh-Hans"))
            .Descendants("link").First().Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_guest_chooses_a_time_zone_the_agenda_and_its_feed_show_times_in_it_with_a_full_vtimezone_and_the_join_links()
    {
        var (guestId, token) = await app.GuestWithTokenAsync();
        var (hybrid, online) = await LinkedSessionsAsync("TZ");
        await (await app.ReleaseAsync("zones")).OkAsync<ReleaseView>();
        using var portal = app.CreateClient();
        await portal.AddToAgendaAsync(token, hybrid.Id);
        await portal.AddToAgendaAsync(token, online.Id);
        var link = await (await portal.PostAsync($"/api/v1/portal/{token}/agenda/feed", null)).OkAsync<AgendaFeedLink>();
        var path = new Uri(link.Url).AbsolutePath;
        using var anonymous = app.CreateClient();

        // Before a choice: the event's zone, now written with its rules (a VTIMEZONE with only a TZID is not valid RFC 5545).
        var before = await anonymous.GetStringAsync(path);
        var eventCalendar = Ical.Net.Calendar.Load(before)!;
        Assert.Equal("Asia/Shanghai", Assert.Single(eventCalendar.TimeZones).TzId);
        Assert.Contains("BEGIN:STANDARD", before, StringComparison.Ordinal);
        Assert.Contains("TZOFFSETTO:+0800", before, StringComparison.Ordinal);

        // Refused: unknown, a Windows name, too long; in both languages.
        foreach (var bad in new[] { "Mars/Olympus_Mons", "China Standard Time", "Europe/" + new string('x', 100) })
        {
            var refused = await portal.PutAsJsonAsync($"/api/v1/portal/{token}/time-zone", new TimeZoneChoice(bad), Intents.Json);
            await refused.AssertProblemAsync(422, GuestErrors.TimeZoneUnknown);
        }

        using (var chinese = app.CreateClient())
        {
            chinese.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-Hans");
            var refused = await chinese.PutAsJsonAsync($"/api/v1/portal/{token}/time-zone", new TimeZoneChoice("Mars/Olympus_Mons"), Intents.Json);
            Assert.Contains("时区", (await refused.ProblemAsync()).GetProperty("title").GetString(), StringComparison.Ordinal);
        }

        var chosen = await (await portal.PutAsJsonAsync($"/api/v1/portal/{token}/time-zone", new TimeZoneChoice("Europe/Paris"), Intents.Json)).OkAsync<PortalView>();
        Assert.Equal("Europe/Paris", chosen.GuestTimeZoneId);
        var view = await (await portal.GetAsync($"/api/v1/portal/{token}/agenda")).OkAsync<AgendaView>();
        Assert.Equal(("Europe/Paris", "Asia/Shanghai", "Europe/Paris"), (view.GuestTimeZoneId, view.TimeZoneId, view.ShownTimeZoneId));
        Assert.True(await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().AuditEntries.AsNoTracking()
            .AnyAsync(a => a.Action == AuditActions.GuestTimeZoneChanged && a.EntityId == guestId.ToString() && a.ActorId == "guest:" + guestId)));

        var text = await anonymous.GetStringAsync(path);
        var calendar = Ical.Net.Calendar.Load(text)!;
        var zone = Assert.Single(calendar.TimeZones);
        Assert.Equal("Europe/Paris", zone.TzId);
        // Paris in September 2021 is on summer time, and the zone's winter rule comes with it.
        Assert.Contains("BEGIN:DAYLIGHT", text, StringComparison.Ordinal);
        Assert.Contains("TZOFFSETTO:+0200", text, StringComparison.Ordinal);
        Assert.Contains("X-WR-TIMEZONE:Europe/Paris", text, StringComparison.Ordinal);
        var first = calendar.Events.Single(e => e.Uid == $"{hybrid.Id}@{AgendaFeedService.UidDomain}");
        Assert.Equal("Europe/Paris", first.DtStart!.TzId);
        Assert.Equal(hybrid.StartsAt!.Value.UtcDateTime, first.DtStart.AsUtc);
        Assert.Equal(hybrid.StartsAt.Value.UtcDateTime.AddHours(2), first.DtStart.Value);
        Assert.Equal(hybrid.EndsAt!.Value.UtcDateTime, first.DtEnd!.AsUtc);
        // A hybrid session keeps its room as the location, with the link as its URL and in the description; the event's time is told too.
        Assert.Contains("TZ-H", first.Location!, StringComparison.Ordinal);
        Assert.Equal(new Uri(PrivateLink), first.Url);
        Assert.Contains(PrivateLink, first.Description!, StringComparison.Ordinal);
        Assert.Contains("Asia/Shanghai", first.Description!, StringComparison.Ordinal);
        var second = calendar.Events.Single(e => e.Uid == $"{online.Id}@{AgendaFeedService.UidDomain}");
        Assert.Equal(PublicLink, second.Location);
        Assert.Equal(new Uri(PublicLink), second.Url);

        // The event's own zone is no choice: stored as none, the feed is back in the event's zone.
        var back = await (await portal.PutAsJsonAsync($"/api/v1/portal/{token}/time-zone", new TimeZoneChoice("Asia/Shanghai"), Intents.Json)).OkAsync<PortalView>();
        Assert.Null(back.GuestTimeZoneId);
        Assert.Equal("Asia/Shanghai", Assert.Single(Ical.Net.Calendar.Load(await anonymous.GetStringAsync(path))!.TimeZones).TzId);
    }

    [Fact]
    public async Task The_portal_page_offers_the_zones_with_the_guests_choice_selected_and_shows_the_event_time_beside()
    {
        var (_, token) = await app.GuestWithTokenAsync();
        var (_, session, _) = await app.PlacedSessionAsync("Zone: on the portal page", VenuesIntents.DayOneNine.AddDays(1).AddHours(3), "TZ-P");
        await (await app.ReleaseAsync("zone page")).OkAsync<ReleaseView>();
        using var portal = app.CreateClient();
        await portal.AddToAgendaAsync(token, session.Id);

        var page = await app.PortalPageAsync(token);
        Assert.Contains("data-testid=\"time-zone-select\"", page, StringComparison.Ordinal);
        // No choice yet: the select stands on its first option, the event's own zone.
        Assert.Matches("data-testid=\"time-zone-select\" value=\"\"><option value( selected)?>The event's time zone \\(Asia/Shanghai\\)</option>", page);
        Assert.Contains("<option value=\"America/New_York\">", page, StringComparison.Ordinal);
        Assert.DoesNotContain("event time:", page, StringComparison.Ordinal);

        await (await portal.PutAsJsonAsync($"/api/v1/portal/{token}/time-zone", new TimeZoneChoice("America/New_York"), Intents.Json)).OkAsync<PortalView>();
        page = await app.PortalPageAsync(token);
        Assert.Contains("data-testid=\"time-zone-select\" value=\"America/New_York\">", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"America/New_York\" selected>", page, StringComparison.Ordinal);
        // 12:00 in Wuzhen is 00:00 in New York: the agenda shows New York's time with the event's beside.
        Assert.Contains("2021-09-27 00:00", page, StringComparison.Ordinal);
        Assert.Contains("(event time: 2021-09-27 12:00", page, StringComparison.Ordinal);
        Assert.Contains("我的时区", await app.PortalPageAsync(token, "zh-Hans"), StringComparison.Ordinal);
    }

    /// <summary>A hybrid session with a private link (room code {prefix}-H) and an online one with a published link, placed a day apart.</summary>
    [Fact]
    public async Task A_changed_join_link_or_flag_is_a_change_of_the_next_release_told_to_its_speaker_and_a_private_link_is_never_written_in_it()
    {
        var (hybrid, online) = await LinkedSessionsAsync("JC");
        var address = $"mara-{Guid.NewGuid():N}@example.org";
        var speaker = await app.CreatePersonAsync(new PersonInput(null, "Mara Lindqvist", "KTH", "SE", address));
        await (await app.SetPeopleAsync(online.Id, new ParticipantInput(speaker.Id, ParticipantRole.Speaker, 1))).OkAsync<SessionView>();
        await (await app.ReleaseAsync("before the links change")).OkAsync<ReleaseView>();
        // The same links again: nothing to release.
        await (await app.ReleaseAsync("nothing")).AssertProblemAsync(409, ProgrammeErrors.ReleaseUnchanged);

        // The online talk's link is no longer published; the hybrid panel gets a new link, published.
        using var manager = await app.ClientForAsync(Roles.ProgrammeManager);
        await (await manager.PutAsJsonAsync($"/api/v1/programme/sessions/{online.Id}", ProgrammeIntents.NewSession(online.ForumId, online.TitleEn) with
        {
            Format = SessionFormat.Online,
            JoinLink = PublicLink,
            JoinLinkPublic = false,
        }, Intents.Json)).OkAsync<SessionView>();
        await (await manager.PutAsJsonAsync($"/api/v1/programme/sessions/{hybrid.Id}", ProgrammeIntents.NewSession(hybrid.ForumId, hybrid.TitleEn) with
        {
            Format = SessionFormat.Hybrid,
            JoinLink = PublicLink,
            JoinLinkPublic = true,
        }, Intents.Json)).OkAsync<SessionView>();
        var release = await (await app.ReleaseAsync("new links")).OkAsync<ReleaseView>();

        Assert.Equal([ChangeKind.JoinLinkChanged, ChangeKind.JoinLinkChanged], release.Changes.Select(c => c.Kind));
        Assert.Equal("Join link changed: \"JC: online talk\" (shown in the agendas of those who take part).",
            release.Changes.Single(c => c.SessionId == online.Id).Text);
        Assert.Equal($"Join link changed: \"JC: hybrid panel\", now {PublicLink}.", release.Changes.Single(c => c.SessionId == hybrid.Id).Text);

        // The speaker is told, in both languages (a remote speaker's language is not known), without the link that is private now.
        var mails = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().OutgoingMails.AsNoTracking()
            .Where(m => m.Kind == ReleaseNotices.MailKind && m.ToAddress == address).ToListAsync());
        Assert.Equal(2, mails.Count);
        var mail = Assert.Single(mails, m => m.TextBody.Contains("Join link changed", StringComparison.Ordinal));
        Assert.Contains("Join link changed: \"JC: online talk\"", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("线上参会链接变更：「JC: online talk（中）」", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(PublicLink, mail.TextBody, StringComparison.Ordinal);

        // The public changelog names both changes, the link only where it is published.
        using var anonymous = app.CreateClient();
        anonymous.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-Hans");
        var changes = await (await anonymous.GetAsync("/api/v1/public/programme/changes")).OkAsync<PublicChanges>();
        Assert.Equal("线上参会链接变更：「JC: online talk（中）」（参会者可在个人日程中查看）。", changes.Changes.Single(c => c.SessionId == online.Id).Text);
        Assert.Equal($"线上参会链接变更：「JC: hybrid panel（中）」，现为 {PublicLink}。", changes.Changes.Single(c => c.SessionId == hybrid.Id).Text);
        Assert.DoesNotContain("s3cret", await anonymous.GetStringAsync("/api/v1/public/programme/changes"), StringComparison.Ordinal);
    }

    private async Task<(SessionView Hybrid, SessionView Online)> LinkedSessionsAsync(string prefix)
    {
        var (forum, hybrid, room) = await app.PlacedSessionAsync($"{prefix}: hybrid panel", VenuesIntents.DayOneNine.AddHours(1), prefix + "-H");
        using var manager = await app.ClientForAsync(Roles.ProgrammeManager);
        var input = ProgrammeIntents.NewSession(forum.Id, $"{prefix}: hybrid panel");
        hybrid = await (await manager.PutAsJsonAsync($"/api/v1/programme/sessions/{hybrid.Id}",
            input with { Format = SessionFormat.Hybrid, JoinLink = PrivateLink }, Intents.Json)).OkAsync<SessionView>();
        var online = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, $"{prefix}: online talk") with
        {
            Format = SessionFormat.Online,
            JoinLink = PublicLink,
            JoinLinkPublic = true,
        });
        online = await (await app.PlaceAsync(online.Id, room.Id, VenuesIntents.DayOneNine.AddDays(1).AddHours(1), 60)).OkAsync<SessionView>();
        return (await app.GetSessionAsync(hybrid.Id), online);
    }
}
