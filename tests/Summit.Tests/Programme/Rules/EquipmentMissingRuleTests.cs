using Summit.Server.Programme;
using Summit.Server.Programme.Rules;

namespace Summit.Tests.Programme.Rules;

/// <summary>The rule "equipment missing" on its own: units the stock could not give, and interpretation kits not stated for the channels.</summary>
public sealed class EquipmentMissingRuleTests
{
    private static readonly DateTimeOffset Nine = new(2021, 9, 26, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Guid Room = Guid.NewGuid();
    private static readonly Guid Venue = Guid.NewGuid();
    private static readonly Guid Kit = Guid.NewGuid();
    private static readonly Guid Streaming = Guid.NewGuid();
    private static readonly RuleSettings WithKit = RuleSettings.Defaults with { InterpretationKitId = Kit };

    [Fact]
    public void A_placed_session_whose_booking_holds_all_it_needs_has_no_conflict()
    {
        Assert.Empty(ProgrammeRules.Check([Make(Room, [new(Kit, 120, 120), new(Streaming, 1, 1)])], People, WithKit));
    }

    [Fact]
    public void A_placed_session_holding_fewer_units_than_it_needs_misses_equipment_and_stops_the_release_by_default()
    {
        var session = Make(Room, [new(Kit, 120, 80), new(Streaming, 1, 1)]);

        var conflict = Assert.Single(ProgrammeRules.Check([session], People, WithKit));

        Assert.Equal((ConflictRule.EquipmentMissing, RuleSeverity.BlockRelease, session.Id, Kit, 120, 80, Room),
            (conflict.Rule, conflict.Severity, conflict.SessionId, conflict.ItemId, conflict.Needed, conflict.Available, conflict.RoomId));
    }

    [Fact]
    public void Each_short_item_is_its_own_conflict_and_the_same_shortage_found_twice_is_equal()
    {
        var session = Make(Room, [new(Streaming, 1, 0), new(Kit, 50, 10)]);

        var first = ProgrammeRules.Check([session], People, WithKit);
        var again = ProgrammeRules.Check([session], People, WithKit);

        Assert.Equal(2, first.Count);
        Assert.Equal(new Guid?[] { Kit, Streaming }.Order(), first.Select(c => c.ItemId).Order());
        Assert.Empty(ProgrammeRules.Introduced(first, again));
    }

    [Fact]
    public void An_unplaced_session_holds_nothing_yet_and_misses_nothing_of_its_stock()
    {
        Assert.Empty(ProgrammeRules.Check([Make(null, [new(Kit, 120, 0)])], People, WithKit));
    }

    [Fact]
    public void A_session_with_interpretation_channels_that_states_no_kit_misses_it_placed_or_not_when_the_event_names_its_kit_item()
    {
        var placed = Make(Room, [new(Streaming, 1, 1)]);
        var unplaced = Make(null, []);

        var conflicts = ProgrammeRules.Check([placed, unplaced], People, WithKit);

        Assert.Equal(2, conflicts.Count);
        Assert.All(conflicts, c => Assert.Equal((ConflictRule.EquipmentMissing, Kit, (int?)null), (c.Rule, c.ItemId, c.Needed)));
        // Without a kit item the event does not judge whether kits are stated.
        Assert.Empty(ProgrammeRules.Check([placed, unplaced], People, RuleSettings.Defaults));
    }

    [Fact]
    public void Breaks_and_sessions_heard_only_in_their_own_language_need_no_kit()
    {
        var plain = Make(Room, [], channels: []);
        var own = Make(Guid.NewGuid(), [], channels: ["EN"]);
        var coffee = Make(Guid.NewGuid(), [], kind: SessionKind.Break);

        Assert.DoesNotContain(ProgrammeRules.Check([plain, own, coffee], People, WithKit), c => c.Rule == ConflictRule.EquipmentMissing);
    }

    [Fact]
    public void The_rule_takes_the_events_severity_and_ignore_finds_nothing()
    {
        var session = Make(Room, [new(Kit, 10, 0)]);
        RuleSettings Set(RuleSeverity severity) => WithKit with { Severities = new Dictionary<ConflictRule, RuleSeverity> { [ConflictRule.EquipmentMissing] = severity } };

        Assert.Equal(RuleSeverity.BlockEdit, Assert.Single(ProgrammeRules.Check([session], People, Set(RuleSeverity.BlockEdit))).Severity);
        Assert.Equal(RuleSeverity.Warn, Assert.Single(ProgrammeRules.Check([session], People, Set(RuleSeverity.Warn))).Severity);
        Assert.Empty(ProgrammeRules.Check([session], People, Set(RuleSeverity.Ignore)));
    }

    private static readonly IReadOnlyDictionary<Guid, PersonFacts> People = new Dictionary<Guid, PersonFacts>();

    private static SessionFacts Make(Guid? room, EquipmentNeed[] equipment, string[]? channels = null, SessionKind kind = SessionKind.Panel) =>
        new(Guid.NewGuid(), kind, room, room is null ? null : Venue, room is null ? null : new TimeWindow(Nine, Nine.AddHours(1)), 100, room is null ? null : 500,
            "en", channels ?? ["zh-Hans"], [], equipment);
}
