using Summit.Server.Events.Contracts;
using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Programme;
using Summit.Server.Programme.Forums;
using Summit.Server.Programme.People;
using Summit.Server.Programme.Releases;
using Summit.Server.Programme.Sessions;
using Summit.Server.Programme.Settings;
using Summit.Server.Venues.Contracts;

namespace Summit.Server.Demo;

/// <summary>
/// The demo's programme: the main forum (opening ceremony, keynotes, the high-level dialogue, the release of world-leading achievements, the
/// closing ceremony) and four sub-forums, with speakers drawn from the demo's guests (several in more than one session) and two remote
/// speakers, placed in the demo venues' rooms through the programme module as a programme manager would: every placement books its room
/// through the venues contract and passes the same rules. The programme is released as version 1, then a draft change waits to be released
/// (the closing ceremony moved): a newcomer finds its changelog on the Releases page and two warnings on the timetable: a speaker with
/// too little time to reach the expo stage, and an English panel whose Chinese interpretation was withdrawn after the release (which stops
/// the next release).
/// </summary>
internal static class DemoProgramme
{
    /// <summary>Forum key, kind, titles, partner, sector.</summary>
    private static readonly (string Key, ForumKind Kind, string En, string Zh, string Partner, string Sector)[] Forums =
    [
        ("main", ForumKind.Main, "Wuzhen Summit main forum", "乌镇峰会主论坛", "World Internet Conference", ""),
        ("economy", ForumKind.Sub, "Digital economy forum", "数字经济论坛", "China Academy of Information and Communications Technology", "Innovative development"),
        ("security", ForumKind.Sub, "Cyberspace security forum", "网络空间安全论坛", "National Computer Network Emergency Response Team", "Universal security"),
        ("ai", ForumKind.Sub, "AI governance forum", "人工智能治理论坛", "Zhejiang University", "Openness and inclusiveness"),
        ("life", ForumKind.Sub, "Internet and a better life forum", "互联网让生活更美好论坛", "Light of Internet Expo", "Beautiful life"),
    ];

    /// <summary>
    /// Forum, kind, titles, day (0-2), local start, minutes, room, attendance, language, channels, and the people: (speaker index, role,
    /// protocol order), an index below 0 naming a remote speaker (-1, -2) or the interpreter (-3).
    /// </summary>
    private static readonly (string Forum, SessionKind Kind, string En, string Zh, int Day, int Hour, int Minute, int Minutes, string Room, int Attendance,
        string Language, string[] Channels, (int Who, ParticipantRole Role, int Order)[] People)[] Sessions =
    [
        ("main", SessionKind.OpeningCeremony, "Opening ceremony", "开幕式", 0, 9, 0, 60, "MFH", 1800, "zh-Hans", ["en"],
            [(0, ParticipantRole.Chair, 1), (1, ParticipantRole.Speaker, 1), (2, ParticipantRole.Speaker, 2), (-3, ParticipantRole.Interpreter, 1)]),
        ("main", SessionKind.KeynoteBlock, "Keynote speeches", "主旨演讲", 0, 10, 15, 105, "MFH", 1800, "en", ["zh-Hans"],
            [(0, ParticipantRole.Chair, 1), (1, ParticipantRole.Speaker, 1), (3, ParticipantRole.Speaker, 2), (4, ParticipantRole.Speaker, 3),
                (-1, ParticipantRole.Speaker, 4), (-3, ParticipantRole.Interpreter, 1)]),
        ("main", SessionKind.Dialogue, "High-level dialogue: a community with a shared future in cyberspace", "高端对话：构建网络空间命运共同体", 1, 9, 30, 150,
            "MFH", 1500, "en", ["zh-Hans"],
            [(5, ParticipantRole.Moderator, 1), (0, ParticipantRole.Panellist, 1), (6, ParticipantRole.Panellist, 2), (7, ParticipantRole.Panellist, 3)]),
        ("main", SessionKind.Release, "Release of world-leading internet achievements", "世界互联网领先科技成果发布", 1, 14, 0, 60, "MFH", 1200, "zh-Hans", ["en"],
            [(8, ParticipantRole.Chair, 1), (9, ParticipantRole.Speaker, 1), (10, ParticipantRole.Speaker, 2)]),
        ("main", SessionKind.OpeningCeremony, "Closing ceremony", "闭幕式", 2, 16, 0, 90, "MFH", 1500, "zh-Hans", ["en"],
            [(0, ParticipantRole.Chair, 1), (2, ParticipantRole.Speaker, 1)]),
        ("economy", SessionKind.KeynoteBlock, "Keynotes: the digital economy after the pandemic", "主旨演讲：疫情之后的数字经济", 0, 14, 0, 90, "SF-A", 350, "zh-Hans",
            ["en"], [(11, ParticipantRole.Chair, 1), (3, ParticipantRole.Speaker, 1), (12, ParticipantRole.Speaker, 2)]),
        ("economy", SessionKind.Panel, "Panel: platforms, data and small businesses", "圆桌：平台、数据与中小企业", 0, 15, 40, 110, "SF-A", 350, "en", ["zh-Hans"],
            [(13, ParticipantRole.Moderator, 1), (12, ParticipantRole.Panellist, 1), (14, ParticipantRole.Panellist, 2), (-2, ParticipantRole.Panellist, 3)]),
        ("security", SessionKind.Panel, "Panel: protecting critical information infrastructure", "圆桌：关键信息基础设施保护", 0, 14, 0, 210, "SF-B", 280, "en", ["zh-Hans"],
            [(15, ParticipantRole.Moderator, 1), (16, ParticipantRole.Panellist, 1), (17, ParticipantRole.Panellist, 2)]),
        ("ai", SessionKind.Dialogue, "Dialogue: rules for trustworthy AI", "对话：可信人工智能的规则", 1, 9, 0, 180, "SF-C", 280, "en", ["zh-Hans"],
            [(18, ParticipantRole.Moderator, 1), (4, ParticipantRole.Panellist, 1), (19, ParticipantRole.Panellist, 2)]),
        ("life", SessionKind.KeynoteBlock, "Keynotes: the internet in daily life", "主旨演讲：日常生活中的互联网", 1, 12, 15, 75, "EX-STAGE", 400, "zh-Hans", ["en"],
            [(6, ParticipantRole.Speaker, 1), (20, ParticipantRole.Speaker, 2)]),
    ];

    /// <summary>Makes the programme unless the event has forums already or the venues are missing; returns a line for the banner.</summary>
    public static async Task<string> SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        provider.GetRequiredService<CurrentActor>().Use(new Actor(null, "demo", null));
        var forumService = provider.GetRequiredService<ForumService>();
        var rooms = (await provider.GetRequiredService<IRoomReservations>().ListRoomsAsync(ct)).ToDictionary(r => r.Code, StringComparer.Ordinal);
        if ((await forumService.ListAsync(ct)).Count > 0 || !rooms.ContainsKey("MFH") || !rooms.ContainsKey("EX-STAGE"))
        {
            return "";
        }

        var summitEvent = await provider.GetRequiredService<IEventCalendar>().GetCurrentAsync(ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(summitEvent.TimeZoneId);
        await provider.GetRequiredService<ProgrammeSettingsService>().UpdateAsync(new ProgrammeSettingsInput(ProgrammeSettings.DefaultBufferMinutes,
            ProgrammeSettings.DefaultTravel, TravelTimes: [new TravelTimeInput(rooms["MFH"].VenueId, rooms["EX-STAGE"].VenueId, 20)]), ct);

        // Speakers: guests coming in person, in a stable order (the same seed draws the same people), VIPs first when the cards say so.
        var directory = provider.GetRequiredService<IGuestDirectory>();
        var ids = await directory.SelectAsync(summitEvent.Id, null, null, [GuestStatus.Approved, GuestStatus.Accredited, GuestStatus.Arrived], ct);
        var cards = (await directory.GetCardsAsync(ids, ct)).Where(c => c.ParticipationMode == ParticipationMode.InPerson)
            .OrderBy(c => c.Title is null).ThenBy(c => c.Name, StringComparer.Ordinal).Take(21).ToList();
        var needed = Sessions.SelectMany(s => s.People).Where(p => p.Who >= 0).Max(p => p.Who) + 1;
        if (cards.Count < needed)
        {
            return "";
        }

        var people = provider.GetRequiredService<PersonService>();
        var persons = new Dictionary<int, Guid>();
        for (var i = 0; i < needed; i++)
        {
            persons[i] = (await people.CreateAsync(new PersonInput(cards[i].Id), ct)).Id;
        }

        persons[-1] = (await people.CreateAsync(new PersonInput(null, "Amina Diallo", "African Union Commission", "ET", "amina.diallo@example.org"), ct)).Id;
        persons[-2] = (await people.CreateAsync(new PersonInput(null, "Lukas Berger", "Vienna University of Technology", "AT", "lukas.berger@example.org"), ct)).Id;
        persons[-3] = (await people.CreateAsync(new PersonInput(null, "Chen Jing", "Conference interpretation team", "CN", "interpreters@example.org"), ct)).Id;

        DateTimeOffset At(int day, int hour, int minute)
        {
            var local = summitEvent.StartDate.AddDays(day).ToDateTime(new TimeOnly(hour, minute));
            return new DateTimeOffset(local, zone.GetUtcOffset(local));
        }

        // The first speaker of the opening is only there on the first day: a window the rules check.
        await people.SetAvailabilityAsync(persons[1], [new AvailabilityWindow(At(0, 8, 0), At(0, 20, 0))], ct);

        var forumIds = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var order = 0;
        foreach (var f in Forums)
        {
            forumIds[f.Key] = (await forumService.CreateAsync(new ForumInput(f.Kind, f.En, f.Zh, f.Partner, f.Sector, order++), ct)).Id;
        }

        var sessions = provider.GetRequiredService<SessionService>();
        var unplaced = 0;
        var made = new Dictionary<string, (Guid Id, SessionInput Input)>(StringComparer.Ordinal);
        foreach (var s in Sessions)
        {
            var input = new SessionInput(forumIds[s.Forum], s.Kind, s.En, s.Zh, s.Language, s.Attendance, SeatingLayout.Theatre, s.Channels, SessionFormat.InPerson,
                $"{s.En}: {s.Zh}", $"{s.Zh}。", SortOrder: order++);
            var session = await sessions.CreateAsync(input, ct);
            made[s.En] = (session.Id, input);
            await sessions.SetParticipantsAsync(session.Id, [.. s.People.Select(p => new ParticipantInput(persons[p.Who], p.Role, p.Order))], ct);
            var start = At(s.Day, s.Hour, s.Minute);
            try
            {
                await sessions.PlaceAsync(session.Id, new PlacementInput(rooms[s.Room].Id, start, start.AddMinutes(s.Minutes)), ct);
            }
            catch (SummitException ex) when (ex.Error.Code == ProgrammeErrors.RoomRefused)
            {
                // A demo made before the programme existed booked these rooms for its sessions by name: the session stays unplaced.
                unplaced++;
            }
        }

        var released = await ReleaseThenDraftAsync(provider, sessions, made, At, ct);
        return $"Programme: {Forums.Length} forums, {Sessions.Length - unplaced} of {Sessions.Length} sessions placed in the rooms, {persons.Count} speakers, "
            + "moderators and an interpreter; the timetable shows warnings to resolve" + released;
    }

    /// <summary>
    /// Releases the programme as version 1 (its notices go to the speakers' mail), then leaves a draft change waiting: the closing ceremony
    /// moved half an hour later (the changelog of the next release) and the security panel's Chinese interpretation withdrawn (a conflict that
    /// stops that release until someone restores it).
    /// </summary>
    private static async Task<string> ReleaseThenDraftAsync(IServiceProvider provider, SessionService sessions, Dictionary<string, (Guid Id, SessionInput Input)> made,
        Func<int, int, int, DateTimeOffset> at, CancellationToken ct)
    {
        try
        {
            await provider.GetRequiredService<ReleaseService>().ReleaseAsync(new ReleaseInput("The programme as announced to the speakers"), ct);
        }
        catch (SummitException ex) when (ex.Error.Code is ProgrammeErrors.ReleaseBlocked or ProgrammeErrors.ReleaseUnchanged)
        {
            // Rooms booked by an older demo left sessions unplaced: nothing worth releasing, the draft stays as it is.
            return ".";
        }

        var (closing, _) = made["Closing ceremony"];
        var closingSession = await sessions.GetAsync(closing, ct);
        if (closingSession.RoomId is { } room)
        {
            await sessions.PlaceAsync(closing, new PlacementInput(room, at(2, 16, 30), at(2, 18, 0)), ct);
        }

        var (panel, input) = made["Panel: protecting critical information infrastructure"];
        await sessions.UpdateAsync(panel, input with { Channels = [] }, ct);
        return "; version 1 is released and a draft change waits on the Releases page.";
    }
}
