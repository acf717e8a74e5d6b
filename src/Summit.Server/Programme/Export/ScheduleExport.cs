using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Programme.Releases;

namespace Summit.Server.Programme.Export;

/// <summary>
/// The released programme in the formats conference apps read (docs/adr/0032): the Frab <c>schedule.xml</c> (as pretalx and Indico write
/// it: a conference, its days, each day's rooms and their events with date, start, duration as HH:MM, room, slug, title, track, type,
/// language, abstract and persons) and its JSON variant (<c>schedule.json</c>: <c>schedule.conference.days[].rooms{name: [events]}</c>).
/// Pure: both are written from one <see cref="ScheduleSource"/>, through one list of days, so they cannot tell different stories. A session
/// keeps its UUID and number from one version to the next (<see cref="StableIds"/>); interpreters are crew and not listed among persons. An
/// online or hybrid session's join link is in its <c>links</c> only when the organizer published it (a private link is a credential).
/// </summary>
public static class ScheduleExport
{
    public const string JsonSchema = "https://c3voc.de/schedule/schema.json";

    public static XDocument Xml(ScheduleSource source)
    {
        var conference = new XElement("conference",
            new XElement("acronym", source.Acronym),
            new XElement("title", source.Title),
            new XElement("start", Date(source.StartDate)),
            new XElement("end", Date(source.EndDate)),
            new XElement("days", DayCount(source)),
            new XElement("timeslot_duration", "00:05"),
            new XElement("base_url", source.BaseUrl),
            new XElement("time_zone_name", source.Zone.Id));
        var schedule = new XElement("schedule", new XElement("generator", new XAttribute("name", "Summit")),
            new XElement("version", source.Version.ToString(CultureInfo.InvariantCulture)), conference);
        foreach (var day in Days(source))
        {
            schedule.Add(new XElement("day",
                new XAttribute("index", day.Index), new XAttribute("date", Date(day.Date)), new XAttribute("start", Moment(day.Start)),
                new XAttribute("end", Moment(day.End)),
                day.Rooms.Select(room => new XElement("room", new XAttribute("name", room.Name), new XAttribute("guid", room.Guid),
                    room.Events.Select(e => new XElement("event", new XAttribute("guid", e.Guid), new XAttribute("id", e.Id),
                        new XElement("date", Moment(e.Date)),
                        new XElement("start", e.Start),
                        new XElement("duration", e.Duration),
                        new XElement("room", e.Room),
                        new XElement("slug", e.Slug),
                        new XElement("url", e.Url),
                        new XElement("title", e.Title),
                        new XElement("subtitle", ""),
                        new XElement("track", e.Track),
                        new XElement("type", e.Type),
                        new XElement("language", e.Language),
                        new XElement("abstract", e.Abstract),
                        new XElement("description", ""),
                        new XElement("persons", e.Persons.Select(p => new XElement("person", new XAttribute("id", p.Id), new XAttribute("guid", p.Guid), p.Name))),
                        new XElement("links", e.JoinLink is null ? null : new XElement("link", new XAttribute("href", e.JoinLink), source.JoinLinkTitle)),
                        new XElement("attachments")))))));
        }

        return new XDocument(new XDeclaration("1.0", "utf-8", null), schedule);
    }

    /// <summary>The XML document as text, with its declaration.</summary>
    public static string XmlText(ScheduleSource source)
    {
        var document = Xml(source);
        return document.Declaration + "\n" + document.ToString();
    }

    public static JsonObject Json(ScheduleSource source)
    {
        var days = Days(source);
        var rooms = days.Count == 0 ? [] : days[0].Rooms;
        var conference = new JsonObject
        {
            ["acronym"] = source.Acronym,
            ["title"] = source.Title,
            ["start"] = Date(source.StartDate),
            ["end"] = Date(source.EndDate),
            ["daysCount"] = DayCount(source),
            ["timeslot_duration"] = "00:05",
            ["time_zone_name"] = source.Zone.Id,
            ["rooms"] = new JsonArray([.. rooms.Select(r => (JsonNode)new JsonObject { ["name"] = r.Name, ["guid"] = r.Guid.ToString() })]),
            ["tracks"] = new JsonArray([.. source.Forums.Select(f => (JsonNode)new JsonObject { ["name"] = Text(f.TitleEn, f.TitleZh, source.Language) })]),
            ["days"] = new JsonArray([.. days.Select(day => (JsonNode)new JsonObject
            {
                ["index"] = day.Index,
                ["date"] = Date(day.Date),
                ["day_start"] = Moment(day.Start),
                ["day_end"] = Moment(day.End),
                ["rooms"] = new JsonObject(day.Rooms.Select(r => KeyValuePair.Create(r.Name, (JsonNode?)new JsonArray([.. r.Events.Select(e => EventJson(e, source.JoinLinkTitle))])))),
            })]),
        };
        return new JsonObject
        {
            ["$schema"] = JsonSchema,
            ["generator"] = new JsonObject { ["name"] = "Summit" },
            ["schedule"] = new JsonObject
            {
                ["version"] = source.Version.ToString(CultureInfo.InvariantCulture),
                ["base_url"] = source.BaseUrl,
                ["conference"] = conference,
            },
        };
    }

    /// <summary>"01:30": hours and minutes, the hours not wrapped at a day.</summary>
    public static string Duration(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours:00}:{span.Minutes:00}");

    private static JsonNode EventJson(ExportEvent e, string joinLinkTitle) => new JsonObject
    {
        ["guid"] = e.Guid.ToString(),
        ["id"] = e.Id,
        ["date"] = Moment(e.Date),
        ["start"] = e.Start,
        ["duration"] = e.Duration,
        ["room"] = e.Room,
        ["slug"] = e.Slug,
        ["url"] = e.Url,
        ["title"] = e.Title,
        ["subtitle"] = "",
        ["track"] = e.Track,
        ["type"] = e.Type,
        ["language"] = e.Language,
        ["abstract"] = e.Abstract,
        ["description"] = "",
        ["recording_license"] = "",
        ["do_not_record"] = false,
        ["persons"] = new JsonArray([.. e.Persons.Select(p => (JsonNode)new JsonObject
        {
            ["id"] = p.Id,
            ["guid"] = p.Guid.ToString(),
            ["name"] = p.Name,
            ["public_name"] = p.Name,
        })]),
        ["links"] = e.JoinLink is null ? new JsonArray() : new JsonArray(new JsonObject { ["url"] = e.JoinLink, ["title"] = joinLinkTitle }),
        ["attachments"] = new JsonArray(),
    };

    /// <summary>Every day of the event (local midnight to the next), each with every room of the release and the room's events by start.</summary>
    private static List<ExportDay> Days(ScheduleSource source)
    {
        var forums = source.Forums.ToDictionary(f => f.Id);
        var rooms = source.Sessions.DistinctBy(s => s.RoomId).OrderBy(s => s.VenueNameEn, StringComparer.Ordinal).ThenBy(s => s.RoomCode, StringComparer.Ordinal)
            .ToList();
        // A room's name is its key in the JSON: two venues' rooms of the same name are told apart by their venue.
        var names = rooms.ToDictionary(r => r.RoomId, r =>
        {
            var name = Text(r.RoomNameEn, r.RoomNameZh, source.Language);
            return rooms.Count(o => Text(o.RoomNameEn, o.RoomNameZh, source.Language) == name) > 1
                ? $"{name} ({Text(r.VenueNameEn, r.VenueNameZh, source.Language)})"
                : name;
        });
        var days = new List<ExportDay>();
        for (var date = source.StartDate; date <= source.EndDate; date = date.AddDays(1))
        {
            var start = LocalMidnight(date, source.Zone);
            var end = LocalMidnight(date.AddDays(1), source.Zone);
            days.Add(new ExportDay(days.Count + 1, date, start, end, [.. rooms.Select(r => new ExportRoom(names[r.RoomId], StableIds.Room(r.RoomId),
                [.. source.Sessions.Where(s => s.RoomId == r.RoomId && s.StartsAt >= start && s.StartsAt < end).OrderBy(s => s.StartsAt)
                    .Select(s => Event(s, source, names[r.RoomId], forums.GetValueOrDefault(s.ForumId)))]))]));
        }

        return days;
    }

    private static ExportEvent Event(ReleasedSession s, ScheduleSource source, string room, ReleasedForum? forum)
    {
        var guid = StableIds.Session(s.Id);
        var id = StableIds.Number(guid);
        var local = TimeZoneInfo.ConvertTime(s.StartsAt, source.Zone);
        var persons = s.Participants.Where(p => p.Role != ParticipantRole.Interpreter && source.Names.ContainsKey(p.PersonId)).DistinctBy(p => p.PersonId)
            .Select(p =>
            {
                var person = StableIds.Person(p.PersonId);
                return new ExportPerson(StableIds.Number(person), person, source.Names[p.PersonId]);
            }).ToList();
        return new ExportEvent(guid, id, local, local.ToString("HH:mm", CultureInfo.InvariantCulture), Duration(s.EndsAt - s.StartsAt), room,
            $"{Slug(source.Acronym)}-{id.ToString(CultureInfo.InvariantCulture)}-{Slug(s.TitleEn)}".TrimEnd('-'),
            $"{source.BaseUrl.TrimEnd('/')}/public/programme?day={Date(DateOnly.FromDateTime(local.DateTime))}#session-{s.Id}",
            Text(s.TitleEn, s.TitleZh, source.Language), forum is null ? "" : Text(forum.TitleEn, forum.TitleZh, source.Language), s.Kind.ToString(), s.Language,
            Text(s.AbstractEn, s.AbstractZh, source.Language), persons, s.Format == SessionFormat.InPerson ? null : s.PublicJoinLink);
    }

    private static string Text(string english, string chinese, string language) => language == Localizer.Chinese && chinese.Length > 0 ? chinese : english;

    /// <summary>Lower-case ASCII letters and digits joined by single hyphens, at most 60 characters.</summary>
    public static string Slug(string text)
    {
        var slug = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var cut = slug.ToString(0, Math.Min(slug.Length, 60));
        return cut.Trim('-');
    }

    private static int DayCount(ScheduleSource source) => source.EndDate.DayNumber - source.StartDate.DayNumber + 1;

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Moment(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);

    private static DateTimeOffset LocalMidnight(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private sealed record ExportDay(int Index, DateOnly Date, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<ExportRoom> Rooms);

    private sealed record ExportRoom(string Name, Guid Guid, IReadOnlyList<ExportEvent> Events);

    private sealed record ExportEvent(Guid Guid, int Id, DateTimeOffset Date, string Start, string Duration, string Room, string Slug, string Url,
        string Title, string Track, string Type, string Language, string Abstract, IReadOnlyList<ExportPerson> Persons, string? JoinLink);

    private sealed record ExportPerson(int Id, Guid Guid, string Name);
}
