using static Summit.Access.Core.Tests.AccessWorld;

namespace Summit.Access.Core.Tests;

public class ZoneGrantTests
{
    private static readonly DateOnly Day1 = new(2026, 11, 8);
    private static readonly DateOnly Day2 = new(2026, 11, 9);
    private static readonly DateOnly Day3 = new(2026, 11, 10);

    [Fact]
    public void Category_grants_apply_on_their_days_only()
    {
        var grants = new ZoneGrantTable(
        [
            new CategoryGrant(DelegateCategory, ZoneSet.Of(Venue), DayRange.Always),
            new CategoryGrant(DelegateCategory, ZoneSet.Of(Plenary), DayRange.On(Day2)),
        ], []);
        var credential = Payload(category: DelegateCategory);

        Assert.True(grants.IsGranted(credential, Venue, Day1));
        Assert.False(grants.IsGranted(credential, Plenary, Day1));
        Assert.True(grants.IsGranted(credential, Plenary, Day2));
        Assert.False(grants.IsGranted(credential, Plenary, Day3));
        Assert.False(grants.IsGranted(Payload(category: 99), Venue, Day1));
    }

    [Fact]
    public void Personal_additions_and_removals_apply_to_one_credential_removals_last()
    {
        var credential = Payload(category: DelegateCategory, extraZones: ZoneSet.Of(VipLounge));
        var grants = new ZoneGrantTable(
            [new CategoryGrant(DelegateCategory, ZoneSet.Of(Venue, Plenary), DayRange.Always)],
            [
                new PersonalGrant(credential.CredentialId, GrantChange.Remove, ZoneSet.Of(Plenary, VipLounge), new DayRange(Day2, null)),
                new PersonalGrant(credential.CredentialId, GrantChange.Add, ZoneSet.Of(PressCentre, Plenary), new DayRange(null, Day2)),
            ]);

        Assert.True(grants.IsGranted(credential, PressCentre, Day1));
        Assert.True(grants.IsGranted(credential, VipLounge, Day1));
        Assert.False(grants.IsGranted(credential, Plenary, Day2));
        Assert.False(grants.IsGranted(credential, VipLounge, Day3));
        Assert.True(grants.IsGranted(credential, PressCentre, Day2));
        Assert.False(grants.IsGranted(credential, PressCentre, Day3));
        Assert.True(grants.IsGranted(credential, Venue, Day3));
        Assert.False(grants.IsGranted(Payload(category: DelegateCategory), PressCentre, Day1));
    }

    [Fact]
    public void Grant_days_are_event_local_days()
    {
        var credential = Payload(category: DelegateCategory);
        var policy = Policy(grants: new ZoneGrantTable([new CategoryGrant(DelegateCategory, ZoneSet.Of(Plenary), DayRange.On(Day2))], []));
        var text = Issue(credential);

        // 00:30 on the 9th in Wuzhen is still the 8th in UTC.
        Assert.Equal(ReasonCode.Admitted, GateDecision.Decide(text, Local(9, 0, 30), Entry(Plenary), policy, new FakePresence()).Reason);
        Assert.Equal(ReasonCode.ZoneNotGranted, GateDecision.Decide(text, Local(8, 23, 59), Entry(Plenary), policy, new FakePresence()).Reason);
    }

    [Fact]
    public void Zone_sets_hold_zones_0_to_63_and_nothing_else()
    {
        var set = ZoneSet.Of(0, 5, 63);

        Assert.Equal([0, 5, 63], set.Zones());
        Assert.Equal(3, set.Count);
        Assert.False(set.Contains(64));
        Assert.False(set.Contains(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => set.With(64));
        Assert.Equal(ZoneSet.Of(0, 63), set.Except(ZoneSet.Of(5)));
    }

    [Fact]
    public void Zone_rules_default_to_open_and_refuse_zones_out_of_range()
    {
        var rules = new ZoneRules([new(Plenary, ZoneRule.Timed(10))]);

        Assert.Equal(AntiPassbackMode.Timed, rules.For(Plenary).AntiPassback);
        Assert.Same(ZoneRule.Open, rules.For(Venue));
        Assert.Same(ZoneRule.Open, rules.For(200));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ZoneRules([new(64, ZoneRule.Hard())]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ZoneRule.Timed(0));
    }
}
