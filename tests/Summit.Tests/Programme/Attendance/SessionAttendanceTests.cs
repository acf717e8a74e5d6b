using System.Text.Json;
using Summit.Server.Access.Contracts;
using Summit.Server.Infrastructure;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Operations.Reports;
using Summit.Server.Programme.Attendance;
using Summit.Server.Programme.Releases;
using Summit.Server.Programme.Sessions;
using Summit.Tests.Access;
using Summit.Tests.Venues;

namespace Summit.Tests.Programme.Attendance;

/// <summary>
/// Who came to a session (issue 13, "who came"): the people admitted through the gates of its room's zone from 30 minutes before its start
/// to its end, in the closing report pinned to its stamp, with when the room filled and the very scans behind the figure.
/// </summary>
public sealed class SessionAttendanceTests(EarlyAccessFactory app) : IClassFixture<EarlyAccessFactory>
{
    // In UTC, as the server's clock always is: PostgreSQL takes no other offset.
    private static readonly DateTimeOffset Start = VenuesIntents.DayOneNine.AddHours(1).ToUniversalTime();

    [Fact]
    public async Task The_closing_report_counts_who_came_through_the_room_s_gates_during_the_session_and_when_it_filled()
    {
        // A forum room whose doors are the access zone "Forum", seating two in theatre layout; a second room without gates.
        var venue = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "SA-1", theatre: 2, zoneId: app.Venue.Forum.Id));
        var bare = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "SA-2", theatre: 50));
        var forum = await app.CreateForumAsync();
        var panel = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "Panel: who came", attendance: 2));
        await (await app.PlaceAsync(panel.Id, room.Id, Start, 60)).OkAsync<SessionView>();
        var talk = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "Talk: nobody counts", attendance: 20));
        await (await app.PlaceAsync(talk.Id, bare.Id, Start, 60)).OkAsync<SessionView>();
        app.Clock.SetUtcNow(Start.AddHours(-3));
        await (await app.ReleaseAsync()).OkAsync<ReleaseView>();

        var codes = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            codes.Add(await app.IssueCodeAsync(await app.ApprovedGuestAsync()));
        }

        // Before the doors open (35 minutes early), two during the session, one after its end.
        async Task EnterAsync(string code, TimeSpan sinceStart)
        {
            app.Clock.SetUtcNow(Start + sinceStart);
            Assert.True((await app.ScanAsync(app.Venue.ForumInToken, code)).Admitted);
        }

        await EnterAsync(codes[0], TimeSpan.FromMinutes(-35));
        await EnterAsync(codes[1], TimeSpan.FromMinutes(-20));
        await EnterAsync(codes[2], TimeSpan.FromMinutes(10));
        await EnterAsync(codes[3], TimeSpan.FromMinutes(61));

        app.Clock.SetUtcNow(Start.AddHours(2));
        using var operations = await app.ClientForAsync(Roles.OperationsCentre);
        var report = await (await operations.GetAsync("/api/v1/reports/closing")).OkAsync<JsonElement>();
        var sessions = report.GetProperty("programme").GetProperty("sessions").EnumerateArray().ToList();
        var counted = sessions.Single(s => s.GetProperty("sessionId").GetGuid() == panel.Id);
        Assert.Equal((2, 2, 2, app.Venue.Forum.Code), (counted.GetProperty("persons").GetInt32(), counted.GetProperty("entries").GetInt32(),
            counted.GetProperty("seats").GetInt32(), counted.GetProperty("zoneCode").GetString()));
        Assert.Equal(Start.AddMinutes(10), counted.GetProperty("fullAt").GetDateTimeOffset());
        Assert.Equal(Start - SessionAttendanceQueries.DoorsOpenBefore, counted.GetProperty("doorsOpenAt").GetDateTimeOffset());
        var uncounted = sessions.Single(s => s.GetProperty("sessionId").GetGuid() == talk.Id);
        Assert.Equal(JsonValueKind.Null, uncounted.GetProperty("persons").ValueKind);

        // The figure's link lists exactly the two entries it counts.
        var stamp = ReportMoment.Of(app.Clock.GetUtcNow());
        var link = ClosingReportLinks.Scans(new ScanTrace(stamp, ZoneCode: app.Venue.Forum.Code, Admitted: true, From: Start - SessionAttendanceQueries.DoorsOpenBefore,
            Until: Start.AddHours(1)));
        var lines = (await operations.GetStringAsync(link)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);

        // Pinned: a report as of a moment before the second entry counts one person and no full room.
        var early = await (await operations.GetAsync("/api/v1/reports/closing?asOf=" + ReportMoment.Format(Start))).OkAsync<JsonElement>();
        var then = early.GetProperty("programme").GetProperty("sessions").EnumerateArray().Single(s => s.GetProperty("sessionId").GetGuid() == panel.Id);
        Assert.Equal(1, then.GetProperty("persons").GetInt32());
        Assert.Equal(JsonValueKind.Null, then.GetProperty("fullAt").ValueKind);

        // The CSV has a row per figure, the session named in the reader's language.
        var csv = await operations.GetStringAsync("/api/v1/reports/closing.csv");
        Assert.Contains($"sessions,2021-09-26,{app.Venue.Forum.Code},,Panel: who came,persons,2,", csv, StringComparison.Ordinal);
        using var chinese = new HttpRequestMessage(HttpMethod.Get, "/api/v1/reports/closing.csv");
        chinese.Headers.AcceptLanguage.ParseAdd("zh-Hans");
        Assert.Contains("Panel: who came（中）,persons,2,", await (await operations.SendAsync(chinese)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
