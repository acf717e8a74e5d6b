using System.Net.Http.Json;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Programme.People;
using Summit.Server.Programme.Sessions;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;
using Summit.Tests.Venues;

namespace Summit.Tests.Programme.Pages;

/// <summary>The programme's pages as the server first renders them: the forums and sessions, the session editor and the day's timetable with its warnings.</summary>
public sealed class ProgrammePagesTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task The_timetable_shows_the_days_sessions_in_their_rooms_marked_by_their_gravest_conflict_in_both_languages()
    {
        var venue = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "TT-1", theatre: 50));
        var forum = await app.CreateForumAsync();
        var full = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "Panel: the crowded one", attendance: 90));
        var quiet = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "Dialogue: the quiet one", attendance: 20));
        await (await app.PlaceAsync(full.Id, room.Id, VenuesIntents.DayOneNine.AddDays(1), 60)).OkAsync<SessionView>();
        await (await app.PlaceAsync(quiet.Id, room.Id, VenuesIntents.DayOneNine.AddDays(1).AddHours(2), 60)).OkAsync<SessionView>();

        var page = await app.PageAsync(Roles.Secretariat, "/programme/timetable?day=2021-09-27");

        Assert.Contains("data-day=\"2021-09-27\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"timetable-room-TT-1\"", page, StringComparison.Ordinal);
        Assert.Contains($"data-session=\"{full.Id}\" data-worst=\"Warn\"", page, StringComparison.Ordinal);
        Assert.Contains($"data-session=\"{quiet.Id}\" data-worst=\"None\"", page, StringComparison.Ordinal);
        // 09:00 to 10:00 on the grid of 07:00 to 23:00: 2/16 in, 1/16 wide.
        Assert.Contains(FormattableString.Invariant($"left:{2 * 100.0 / 16:0.###}%;width:{100.0 / 16:0.###}%"), page, StringComparison.Ordinal);
        Assert.Contains(" expects 90 people; room TT-1 seats 50.", page, StringComparison.Ordinal);

        var chinese = await app.PageAsync(Roles.Secretariat, "/programme/timetable?day=2021-09-27", "zh-Hans");
        Assert.Contains("日程表", chinese, StringComparison.Ordinal);
        Assert.Contains("「Panel: the crowded one（中）」预计 90 人，场地 TT-1 只能容纳 50 人。", chinese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_forums_page_lists_sessions_and_only_programme_managers_get_the_forms_and_the_editor_controls()
    {
        var forum = await app.CreateForumAsync();
        var session = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "Keynote: an unplaced one", channels: []));

        var managed = await app.PageAsync(Roles.ProgrammeManager, "/programme");
        Assert.Contains("data-testid=\"forum-form\"", managed, StringComparison.Ordinal);
        Assert.Contains($"/programme/sessions/new?forum={forum.Id}", managed, StringComparison.Ordinal);
        Assert.Contains($"href=\"/programme/sessions/{session.Id}\"", managed, StringComparison.Ordinal);
        Assert.Contains("Interpretation missing", managed, StringComparison.Ordinal);

        var seen = await app.PageAsync(Roles.MediaOfficer, "/programme");
        Assert.Contains("Keynote: an unplaced one", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("forum-form", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("session-new", seen, StringComparison.Ordinal);

        var editor = await app.PageAsync(Roles.ProgrammeManager, $"/programme/sessions/{session.Id}");
        Assert.Contains("data-testid=\"editor-save\"", editor, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"editor-unplaced\"", editor, StringComparison.Ordinal);
        Assert.Contains("data-rule=\"InterpretationMissing\"", editor, StringComparison.Ordinal);
        var readOnly = await app.PageAsync(Roles.VenueManager, $"/programme/sessions/{session.Id}");
        Assert.DoesNotContain("editor-save", readOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"editor-place\"", readOnly, StringComparison.Ordinal);
        Assert.Contains("session-manage-only", await app.PageAsync(Roles.VenueManager, "/programme/sessions/new"), StringComparison.Ordinal);
        Assert.Contains("session-not-found", await app.PageAsync(Roles.ProgrammeManager, $"/programme/sessions/{Guid.NewGuid()}"), StringComparison.Ordinal);
        Assert.Contains("新建会议单元", await app.PageAsync(Roles.ProgrammeManager, "/programme/sessions/new", "zh-Hans"),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_rules_page_shows_each_rules_severity_and_only_programme_managers_change_them()
    {
        var managed = await app.PageAsync(Roles.ProgrammeManager, "/programme/settings");
        Assert.Contains("data-rule=\"SpeakerDoubleBooked\" data-severity=\"BlockEdit\"", managed, StringComparison.Ordinal);
        Assert.Contains("data-rule=\"TravelTooShort\" data-severity=\"Warn\"", managed, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"settings-save\"", managed, StringComparison.Ordinal);

        var seen = await app.PageAsync(Roles.OperationsCentre, "/programme/settings", "zh-Hans");
        Assert.Contains("议程规则", seen, StringComparison.Ordinal);
        Assert.Contains("阻止发布", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("settings-save", seen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_people_page_lists_everyone_with_their_windows_and_offers_editing_them_to_programme_managers_only()
    {
        var remote = await app.CreateRemoteSpeakerAsync("Ines Okafor");
        using (var manager = await app.ClientForAsync(Roles.ProgrammeManager))
        {
            var window = new AvailabilityWindow(VenuesIntents.DayOneNine, VenuesIntents.DayOneNine.AddHours(3));
            (await manager.PutAsJsonAsync($"/api/v1/programme/people/{remote.Id}/availability", new[] { window }, Intents.Json)).EnsureSuccessStatusCode();
        }

        var page = await app.PageAsync(Roles.ProgrammeManager, "/programme/people");
        Assert.Contains("Ines Okafor", page, StringComparison.Ordinal);
        Assert.Contains("2021-09-26 09:00–12:00", page, StringComparison.Ordinal);
        Assert.Contains("Remote speaker", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"person-edit-windows\"", page, StringComparison.Ordinal);
        // Never a remote speaker's mail address in the list.
        Assert.DoesNotContain("lukas.berger@example.org", page, StringComparison.Ordinal);
        Assert.Contains("远程演讲人", await app.PageAsync(Roles.ProgrammeManager, "/programme/people", "zh-Hans"), StringComparison.Ordinal);

        var viewer = await app.PageAsync(Roles.Secretariat, "/programme/people");
        Assert.Contains("Ines Okafor", viewer, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"person-edit-windows\"", viewer, StringComparison.Ordinal);
    }
}
