using System.Text.Json;
using System.Xml.Linq;
using Summit.Server;
using Summit.Server.Programme;
using Summit.Server.Programme.Export;
using Summit.Server.Programme.People;
using Summit.Server.Programme.Releases;
using Summit.Server.Programme.Sessions;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;
using Summit.Tests.Venues;

namespace Summit.Tests.Programme.Export;

/// <summary>
/// The released programme as conference apps read it: the Frab schedule.xml and its JSON variant, parsed back: the version, the days, the
/// rooms, each event's stable UUID, date, start and duration in the event's time, its track and persons (interpreters left out).
/// </summary>
public sealed class ScheduleExportTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task The_schedule_xml_and_json_hold_the_released_sessions_in_their_rooms_and_days_and_read_back_the_same()
    {
        using var anonymous = app.CreateClient();
        await (await anonymous.GetAsync("/api/v1/public/programme/schedule.xml")).AssertProblemAsync(404, ProgrammeErrors.NotReleased);

        var guest = await app.CreateGuestAsync(Intents.NewGuestInput());
        var speaker = await app.CreatePersonAsync(new PersonInput(guest.Id));
        var interpreter = await app.CreatePersonAsync(new PersonInput(null, "Chen Jing", "Interpreters", "CN", "booth@example.org"));
        var (forum, panel, room) = await app.PlacedSessionAsync("Panel: the next-generation internet", VenuesIntents.DayOneNine, "EX-1");
        await (await app.SetPeopleAsync(panel.Id, new ParticipantInput(speaker.Id, ParticipantRole.Moderator, 1),
            new ParticipantInput(interpreter.Id, ParticipantRole.Interpreter, 1))).OkAsync<SessionView>();
        var late = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "Dialogue: after dinner"));
        await (await app.PlaceAsync(late.Id, room.Id, VenuesIntents.DayOneNine.AddDays(2).AddHours(11), 45)).OkAsync<SessionView>();
        await (await app.ReleaseAsync()).OkAsync<ReleaseView>();
        await (await app.PlaceAsync(late.Id, room.Id, VenuesIntents.DayOneNine.AddDays(1), 45)).OkAsync<SessionView>();
        await (await app.ReleaseAsync()).OkAsync<ReleaseView>();

        var response = await anonymous.GetAsync("/api/v1/public/programme/schedule.xml");
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal("schedule", xml.Name.LocalName);
        Assert.Equal("2", xml.Element("version")!.Value);
        var conference = xml.Element("conference")!;
        Assert.Equal(("Test Summit", "2021-09-26", "2021-09-28", "3", "Asia/Shanghai"), (conference.Element("title")!.Value, conference.Element("start")!.Value,
            conference.Element("end")!.Value, conference.Element("days")!.Value, conference.Element("time_zone_name")!.Value));
        var days = xml.Elements("day").ToList();
        Assert.Equal(["1", "2", "3"], days.Select(d => d.Attribute("index")!.Value));
        Assert.Equal(("2021-09-26", "2021-09-26T00:00:00+08:00", "2021-09-27T00:00:00+08:00"),
            (days[0].Attribute("date")!.Value, days[0].Attribute("start")!.Value, days[0].Attribute("end")!.Value));
        Assert.All(days, d => Assert.Equal("Room EX-1", Assert.Single(d.Elements("room")).Attribute("name")!.Value));
        var first = Assert.Single(days[0].Descendants("event"));
        Assert.Equal(StableIds.Session(panel.Id).ToString(), first.Attribute("guid")!.Value);
        Assert.Equal(StableIds.Number(StableIds.Session(panel.Id)).ToString(System.Globalization.CultureInfo.InvariantCulture), first.Attribute("id")!.Value);
        Assert.Equal(("2021-09-26T09:00:00+08:00", "09:00", "01:30", "Room EX-1", "Panel: the next-generation internet", forum.TitleEn, "Panel", "en"),
            (first.Element("date")!.Value, first.Element("start")!.Value, first.Element("duration")!.Value, first.Element("room")!.Value,
                first.Element("title")!.Value, first.Element("track")!.Value, first.Element("type")!.Value, first.Element("language")!.Value));
        Assert.StartsWith("test-summit-", first.Element("slug")!.Value, StringComparison.Ordinal);
        var person = Assert.Single(first.Element("persons")!.Elements("person"));
        Assert.Equal((speaker.Name, StableIds.Person(speaker.Id).ToString()), (person.Value, person.Attribute("guid")!.Value));
        // Moved in version 2 to the second day, 09:00 for 45 minutes.
        Assert.Empty(days[2].Descendants("event"));
        var second = Assert.Single(days[1].Descendants("event"));
        Assert.Equal((StableIds.Session(late.Id).ToString(), "09:00", "00:45"), (second.Attribute("guid")!.Value, second.Element("start")!.Value,
            second.Element("duration")!.Value));
        Assert.Empty(second.Element("persons")!.Elements());

        var json = JsonDocument.Parse(await anonymous.GetStringAsync("/api/v1/public/programme/schedule.json")).RootElement;
        Assert.Equal(ScheduleExport.JsonSchema, json.GetProperty("$schema").GetString());
        var schedule = json.GetProperty("schedule");
        Assert.Equal("2", schedule.GetProperty("version").GetString());
        var jsonDays = schedule.GetProperty("conference").GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(3, jsonDays.Count);
        Assert.Equal("2021-09-27", jsonDays[1].GetProperty("date").GetString());
        var events = jsonDays[0].GetProperty("rooms").GetProperty("Room EX-1").EnumerateArray().ToList();
        var panelJson = Assert.Single(events);
        Assert.Equal((first.Attribute("guid")!.Value, "09:00", "01:30", "2021-09-26T09:00:00+08:00", "Room EX-1"),
            (panelJson.GetProperty("guid").GetString(), panelJson.GetProperty("start").GetString(), panelJson.GetProperty("duration").GetString(),
                panelJson.GetProperty("date").GetString(), panelJson.GetProperty("room").GetString()));
        Assert.Equal(int.Parse(first.Attribute("id")!.Value, System.Globalization.CultureInfo.InvariantCulture), panelJson.GetProperty("id").GetInt32());
        Assert.Equal([speaker.Name], panelJson.GetProperty("persons").EnumerateArray().Select(p => p.GetProperty("public_name").GetString()));
        Assert.Equal("00:45", jsonDays[1].GetProperty("rooms").GetProperty("Room EX-1")[0].GetProperty("duration").GetString());
        Assert.Empty(jsonDays[2].GetProperty("rooms").GetProperty("Room EX-1").EnumerateArray());

        // Chinese titles on request; an unknown language is refused.
        var chinese = XDocument.Parse(await anonymous.GetStringAsync("/api/v1/public/programme/schedule.xml?language=zh-Hans")).Root!;
        Assert.Equal(("测试峰会", "Panel: the next-generation internet（中）", "EX-1 室"), (chinese.Element("conference")!.Element("title")!.Value,
            chinese.Descendants("event").First().Element("title")!.Value, chinese.Descendants("event").First().Element("room")!.Value));
        await (await anonymous.GetAsync("/api/v1/public/programme/schedule.json?language=" + new string('x', 300))).AssertProblemAsync(422, ErrorCodes.RequestInvalid);
    }
}
