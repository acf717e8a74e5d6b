using Summit.Server.Programme;
using Summit.Server.Programme.Rules;

namespace Summit.Tests.Programme.Rules;

/// <summary>The one place the programme's conflicts are decided, on its own: every rule, its boundaries, its severity per event.</summary>
public sealed class ProgrammeRulesTests
{
    private static readonly DateTimeOffset Nine = new(2021, 9, 26, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Guid Center = Guid.NewGuid();
    private static readonly Guid Expo = Guid.NewGuid();
    private static readonly Guid MainHall = Guid.NewGuid();
    private static readonly Guid RoomA = Guid.NewGuid();
    private static readonly Guid Stage = Guid.NewGuid();
    private static readonly Guid Minister = Guid.NewGuid();
    private static readonly Guid Professor = Guid.NewGuid();

    [Fact]
    public void A_sound_timetable_has_no_conflict()
    {
        var conflicts = Check([
            Session(MainHall, Center, Nine, 60, Minister),
            Session(MainHall, Center, Nine.AddMinutes(75), 60, Professor),
            Session(RoomA, Center, Nine, 60, Professor),
        ]);

        Assert.Empty(conflicts);
    }

    [Fact]
    public void Two_sessions_overlapping_in_a_room_double_book_it_and_the_pair_is_named_once_whatever_the_order()
    {
        var a = Session(MainHall, Center, Nine, 60);
        var b = Session(MainHall, Center, Nine.AddMinutes(30), 60);

        var conflict = Assert.Single(Check([a, b]));
        var reversed = Assert.Single(Check([b, a]));

        Assert.Equal((ConflictRule.RoomDoubleBooked, RuleSeverity.BlockEdit, MainHall), (conflict.Rule, conflict.Severity, conflict.RoomId));
        Assert.Equal(conflict, reversed);
        Assert.True(conflict.Involves(a.Id) && conflict.Involves(b.Id));
    }

    [Fact]
    public void Sessions_touching_in_a_room_do_not_overlap_but_need_the_changeover()
    {
        var a = Session(MainHall, Center, Nine, 60);
        var touching = Session(MainHall, Center, Nine.AddMinutes(60), 30);

        var conflict = Assert.Single(Check([a, touching]));

        Assert.Equal((ConflictRule.BufferTooShort, RuleSeverity.Warn, 10, 0), (conflict.Rule, conflict.Severity, conflict.Needed, conflict.Available));
        // Exactly the changeover is enough.
        Assert.Empty(Check([a, Session(MainHall, Center, Nine.AddMinutes(70), 30)]));
        Assert.Single(Check([a, Session(MainHall, Center, Nine.AddMinutes(69), 30)]));
    }

    [Fact]
    public void A_person_in_two_overlapping_sessions_is_in_two_places()
    {
        var a = Session(MainHall, Center, Nine, 60, Minister);
        var b = Session(RoomA, Center, Nine.AddMinutes(59), 60, Minister, Professor);

        var conflict = Assert.Single(Check([a, b]));

        Assert.Equal((ConflictRule.SpeakerDoubleBooked, RuleSeverity.BlockEdit, Minister), (conflict.Rule, conflict.Severity, conflict.PersonId));
    }

    [Fact]
    public void A_speaker_going_to_another_venue_needs_its_travel_time_either_way()
    {
        var settings = RuleSettings.Defaults with { TravelMinutes = new Dictionary<(Guid, Guid), int> { [(Expo, Center)] = 20 } };
        var hall = Session(MainHall, Center, Nine, 60, Minister);

        var tight = Assert.Single(Check([hall, Session(Stage, Expo, Nine.AddMinutes(75), 30, Minister)], settings: settings));
        Assert.Equal((ConflictRule.TravelTooShort, RuleSeverity.Warn, 20, 15, Minister), (tight.Rule, tight.Severity, tight.Needed, tight.Available, tight.PersonId));

        // Exactly the journey is enough; a pair not listed takes the event's default (30).
        Assert.Empty(Check([hall, Session(Stage, Expo, Nine.AddMinutes(80), 30, Minister)], settings: settings));
        var other = Guid.NewGuid();
        var unlisted = Assert.Single(Check([hall, Session(Guid.NewGuid(), other, Nine.AddMinutes(80), 30, Minister)], settings: settings));
        Assert.Equal((30, 20), (unlisted.Needed, unlisted.Available));
    }

    [Fact]
    public void Travel_is_judged_to_the_next_session_only_and_not_within_a_venue()
    {
        // Hall at 9, room A (same venue) at 10:05, the stage (expo) at 11:30: only room A to the stage counts, and it leaves time enough.
        var conflicts = Check([
            Session(MainHall, Center, Nine, 60, Professor),
            Session(RoomA, Center, Nine.AddMinutes(65), 30, Professor),
            Session(Stage, Expo, Nine.AddMinutes(150), 30, Professor),
        ]);

        Assert.Empty(conflicts);
    }

    [Fact]
    public void A_speaker_with_windows_is_unavailable_outside_them_and_one_without_is_always_available()
    {
        var people = new Dictionary<Guid, PersonFacts>
        {
            [Minister] = new(Minister, [new TimeWindow(Nine, Nine.AddHours(2))]),
            [Professor] = new(Professor, []),
        };

        Assert.Empty(Check([Session(MainHall, Center, Nine.AddMinutes(60), 60, Minister, Professor)], people));
        var late = Session(RoomA, Center, Nine.AddMinutes(90), 60, Minister, Professor);

        var conflict = Assert.Single(Check([late], people));

        Assert.Equal((ConflictRule.SpeakerUnavailable, RuleSeverity.BlockRelease, Minister, late.Id),
            (conflict.Rule, conflict.Severity, conflict.PersonId, conflict.SessionId));
    }

    [Fact]
    public void A_room_seating_fewer_than_expected_is_too_small_and_exactly_enough_fits()
    {
        var crowded = Make(RoomA, Center, Nine, 60, attendance: 401, capacity: 400);

        var conflict = Assert.Single(Check([crowded]));

        Assert.Equal((ConflictRule.CapacityBelowDemand, RuleSeverity.Warn, 401, 400), (conflict.Rule, conflict.Severity, conflict.Needed, conflict.Available));
        Assert.Empty(Check([Make(RoomA, Center, Nine, 60, attendance: 400, capacity: 400)]));
    }

    [Fact]
    public void Each_required_language_neither_spoken_nor_interpreted_is_missing_placed_or_not_and_a_break_needs_none()
    {
        var russian = Make(null, null, null, 0, language: "ru", channels: ["zh-Hans"]);
        var chinese = Make(null, null, null, 0, language: "zh-Hans", channels: ["EN"]);
        var coffee = Make(null, null, null, 0, language: "ru", kind: SessionKind.Break);

        var conflict = Assert.Single(Check([russian, chinese, coffee]));

        Assert.Equal((ConflictRule.InterpretationMissing, RuleSeverity.BlockRelease, russian.Id, "en"),
            (conflict.Rule, conflict.Severity, conflict.SessionId, conflict.Language));
    }

    [Fact]
    public void An_event_sets_each_rules_severity_and_an_ignored_rule_finds_nothing()
    {
        var settings = RuleSettings.Defaults with
        {
            Severities = new Dictionary<ConflictRule, RuleSeverity>
            {
                [ConflictRule.BufferTooShort] = RuleSeverity.BlockEdit,
                [ConflictRule.RoomDoubleBooked] = RuleSeverity.Ignore,
            },
            BufferMinutes = 30,
        };
        var a = Session(MainHall, Center, Nine, 60);

        var buffer = Assert.Single(Check([a, Session(MainHall, Center, Nine.AddMinutes(80), 30)], settings: settings));
        Assert.Equal((ConflictRule.BufferTooShort, RuleSeverity.BlockEdit, 30, 20), (buffer.Rule, buffer.Severity, buffer.Needed, buffer.Available));
        Assert.Empty(Check([a, Session(MainHall, Center, Nine.AddMinutes(30), 30)], settings: settings));
    }

    [Fact]
    public void An_edit_brings_in_only_the_conflicts_that_were_not_there_before()
    {
        var a = Session(MainHall, Center, Nine, 60, Minister);
        var b = Session(RoomA, Center, Nine.AddMinutes(30), 60, Minister);
        var before = Check([a, b]);
        var moved = b with { RoomId = MainHall };

        var introduced = ProgrammeRules.Introduced(before, Check([a, moved]));

        var conflict = Assert.Single(introduced);
        Assert.Equal(ConflictRule.RoomDoubleBooked, conflict.Rule);
        Assert.Empty(ProgrammeRules.Introduced(before, before));
    }

    [Fact]
    public void Unplaced_sessions_meet_only_the_language_rule_and_defaults_are_as_documented()
    {
        Assert.Empty(Check([Session(null, null, null, 0, Minister), Session(null, null, null, 0, Minister)]));
        Assert.Equal(
            [RuleSeverity.BlockEdit, RuleSeverity.BlockEdit, RuleSeverity.BlockRelease, RuleSeverity.Warn, RuleSeverity.Warn, RuleSeverity.BlockRelease, RuleSeverity.Warn,
                RuleSeverity.BlockRelease],
            Enum.GetValues<ConflictRule>().Select(ProgrammeRules.DefaultSeverity));
    }

    [Fact]
    public void A_withdrawn_person_keeps_their_place_but_raises_no_rule_about_a_person()
    {
        var settings = RuleSettings.Defaults with { TravelMinutes = new Dictionary<(Guid, Guid), int> { [(Expo, Center)] = 20 } };
        // Two places at once, a journey too short, and outside the windows the person once gave.
        var sessions = new[]
        {
            Session(MainHall, Center, Nine, 60, Minister),
            Session(RoomA, Center, Nine.AddMinutes(30), 60, Minister),
            Session(Stage, Expo, Nine.AddMinutes(100), 30, Minister),
        };
        var windows = new TimeWindow[] { new(Nine.AddHours(5), Nine.AddHours(6)) };
        var present = Check(sessions, new Dictionary<Guid, PersonFacts> { [Minister] = new(Minister, windows) }, settings);
        Assert.Contains(present, c => c.Rule == ConflictRule.SpeakerDoubleBooked);
        Assert.Contains(present, c => c.Rule == ConflictRule.TravelTooShort);
        Assert.Contains(present, c => c.Rule == ConflictRule.SpeakerUnavailable);

        var withdrawn = Check(sessions, new Dictionary<Guid, PersonFacts> { [Minister] = new(Minister, windows, Withdrawn: true) }, settings);

        Assert.DoesNotContain(withdrawn, c => c.PersonId == Minister);
        Assert.DoesNotContain(withdrawn, c => c.Rule is ConflictRule.SpeakerDoubleBooked or ConflictRule.TravelTooShort or ConflictRule.SpeakerUnavailable);
        // The rooms' rules still hold for their sessions.
        Assert.Equal(Check(sessions.Select(s => s with { People = [] }).ToList(), settings: settings).Select(c => c.Rule), withdrawn.Select(c => c.Rule));
    }

    private static IReadOnlyList<ProgrammeConflict> Check(IReadOnlyList<SessionFacts> sessions, IReadOnlyDictionary<Guid, PersonFacts>? people = null,
        RuleSettings? settings = null) => ProgrammeRules.Check(sessions, people ?? new Dictionary<Guid, PersonFacts>(), settings ?? RuleSettings.Defaults);

    private static SessionFacts Session(Guid? room, Guid? venue, DateTimeOffset? start, int minutes, params Guid[] people) =>
        Make(room, venue, start, minutes, people: people);

    private static SessionFacts Make(Guid? room, Guid? venue, DateTimeOffset? start, int minutes, int attendance = 100, int capacity = 500,
        string language = "en", string[]? channels = null, SessionKind kind = SessionKind.Panel, Guid[]? people = null) =>
        new(Guid.NewGuid(), kind, room, venue, start is { } s ? new TimeWindow(s, s.AddMinutes(minutes)) : null, attendance, room is null ? null : capacity,
            language, channels ?? ["zh-Hans"], people ?? []);
}
