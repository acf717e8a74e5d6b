using static Summit.Access.Core.Tests.AccessWorld;

namespace Summit.Access.Core.Tests;

public class GateDecisionTests
{
    private static readonly DateTimeOffset Morning = Local(9, 9);

    private static Verdict Decide(string text, Gate gate, AccessPolicy? policy = null, DateTimeOffset? now = null, IPresenceState? presence = null) =>
        GateDecision.Decide(text, now ?? Morning, gate, policy ?? Policy(), presence ?? new FakePresence());

    [Fact]
    public void Admits_a_genuine_credential_to_a_granted_zone_and_names_the_holder()
    {
        var payload = Payload();

        var verdict = Decide(Issue(payload), Entry(Plenary));

        Assert.True(verdict.Admitted);
        Assert.Equal(ReasonCode.Admitted, verdict.Reason);
        Assert.Equal(payload, verdict.Credential);
        Assert.Equal(payload.HolderId, verdict.HolderId);
        Assert.Equal(payload.CredentialId, verdict.CredentialId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("https://example.org/S1")]
    public void Bad_format(string text)
    {
        var verdict = Decide(text, Entry(Venue));

        Assert.Equal(ReasonCode.BadFormat, verdict.Reason);
        Assert.False(verdict.Admitted);
        Assert.Null(verdict.HolderId);
    }

    [Fact]
    public void Bad_signature_hides_the_claimed_identity()
    {
        var bytes = new byte[CredentialCodec.BinaryLength];
        Assert.True(CredentialCodec.TryDecode(Issue(Payload()), bytes, out _, out _));
        bytes[^1] ^= 0x40;

        var verdict = Decide(CredentialCodec.ToText(bytes), Entry(Venue));

        Assert.Equal(ReasonCode.BadSignature, verdict.Reason);
        Assert.Null(verdict.Credential);
    }

    [Fact]
    public void Unknown_key()
    {
        var verdict = Decide(Issue(Payload(keyId: 3)), Entry(Venue));

        Assert.Equal(ReasonCode.UnknownKey, verdict.Reason);
        Assert.Null(verdict.Credential);
    }

    [Fact]
    public void Retired_key_refuses_what_it_signed()
    {
        var payload = Payload(keyId: 2);

        var verdict = Decide(Issue(payload), Entry(Venue));

        Assert.Equal(ReasonCode.RetiredKey, verdict.Reason);
        Assert.Equal(payload.HolderId, verdict.HolderId);
    }

    [Fact]
    public void Retiring_a_key_after_issue_invalidates_its_credentials_and_a_new_key_takes_over()
    {
        var old = Issue(Payload(keyId: 1));
        var rotated = new PublicKeyRing(
        [
            new KeyRingEntry(1, SigningKey.PublicKey, KeyStatus.Retired),
            KeyRingEntry.FromRaw(3, UnknownKey.PublicKey.Export(NSec.Cryptography.KeyBlobFormat.RawPublicKey), KeyStatus.Valid)!,
        ]);
        var fresh = Issue(Payload(keyId: 3));

        Assert.Equal(ReasonCode.Admitted, Decide(old, Entry(Venue)).Reason);
        Assert.Equal(ReasonCode.RetiredKey, Decide(old, Entry(Venue), Policy(keys: rotated)).Reason);
        Assert.Equal(ReasonCode.Admitted, Decide(fresh, Entry(Venue), Policy(keys: rotated)).Reason);
        Assert.Equal(ReasonCode.UnknownKey, Decide(fresh, Entry(Venue)).Reason);
    }

    [Fact]
    public void A_raw_key_that_is_not_a_key_is_refused_at_import()
    {
        Assert.Null(KeyRingEntry.FromRaw(4, new byte[31], KeyStatus.Valid));
    }

    [Fact]
    public void Revoked()
    {
        var payload = Payload();
        var policy = Policy(revocations: new RevocationSet([payload.CredentialId], []));

        Assert.Equal(ReasonCode.Revoked, Decide(Issue(payload), Entry(Venue), policy).Reason);
        Assert.Equal(ReasonCode.Revoked, Decide(Issue(payload), Exit(Venue), policy).Reason);
        Assert.Equal(ReasonCode.Admitted, Decide(Issue(Payload()), Entry(Venue), policy).Reason);
    }

    [Fact]
    public void Person_blocked_whatever_credential_they_hold()
    {
        var holder = Guid.NewGuid();
        var policy = Policy(revocations: new RevocationSet([], [holder]));

        Assert.Equal(ReasonCode.PersonBlocked, Decide(Issue(Payload(holderId: holder)), Entry(Venue), policy).Reason);
        Assert.Equal(ReasonCode.PersonBlocked, Decide(Issue(Payload(holderId: holder)), Entry(Venue), policy).Reason);
    }

    [Fact]
    public void Not_yet_valid_and_expired_at_the_exact_minutes()
    {
        var text = Issue(Payload());

        Assert.Equal(ReasonCode.NotYetValid, Decide(text, Entry(Venue), now: Local(7, 23, 59)).Reason);
        Assert.Equal(ReasonCode.Admitted, Decide(text, Entry(Venue), now: Local(8, 0)).Reason);
        Assert.Equal(ReasonCode.Admitted, Decide(text, Entry(Venue), now: Local(10, 23, 59)).Reason);
        Assert.Equal(ReasonCode.Expired, Decide(text, Entry(Venue), now: Local(11, 0)).Reason);
    }

    [Fact]
    public void Exits_are_not_refused_for_validity_grants_or_passback()
    {
        var text = Issue(Payload());
        var policy = Policy(rules: new ZoneRules([new(VipLounge, ZoneRule.Hard(maxEntriesPerDay: 1))]));

        Assert.Equal(ReasonCode.Admitted, Decide(text, Exit(VipLounge), policy, now: Local(11, 9)).Reason);
    }

    [Fact]
    public void Zone_not_granted()
    {
        var text = Issue(Payload(category: DelegateCategory));

        Assert.Equal(ReasonCode.ZoneNotGranted, Decide(text, Entry(PressCentre)).Reason);
        Assert.Equal(ReasonCode.ZoneNotGranted, Decide(text, Entry(VipLounge)).Reason);
    }

    [Fact]
    public void Extra_zones_in_the_credential_are_granted()
    {
        var text = Issue(Payload(category: DelegateCategory, extraZones: ZoneSet.Of(VipLounge)));

        Assert.Equal(ReasonCode.Admitted, Decide(text, Entry(VipLounge)).Reason);
    }

    [Fact]
    public void A_credential_of_another_event_opens_no_zone()
    {
        var verdict = Decide(Issue(Payload(eventId: EventId + 1)), Entry(Venue));

        Assert.Equal(ReasonCode.ZoneNotGranted, verdict.Reason);
    }

    [Fact]
    public void Gate_closed()
    {
        var payload = Payload();

        var verdict = Decide(Issue(payload), Entry(Venue, open: false));

        Assert.Equal(ReasonCode.GateClosed, verdict.Reason);
        Assert.Equal(payload.HolderId, verdict.HolderId);
    }

    [Fact]
    public void Hard_anti_passback_denies_a_second_entry_until_an_exit()
    {
        var text = Issue(Payload());
        var policy = Policy(rules: new ZoneRules([new(Plenary, ZoneRule.Hard())]));
        var presence = new FakePresence();

        Assert.Equal(ReasonCode.Admitted, presence.Scan(text, Local(9, 9), Entry(Plenary), policy).Reason);
        Assert.Equal(ReasonCode.AlreadyInside, presence.Scan(text, Local(9, 9, 1), Entry(Plenary), policy).Reason);
        Assert.Equal(ReasonCode.AlreadyInside, presence.Scan(text, Local(9, 15), Entry(Plenary) with { Id = 99 }, policy).Reason);
        Assert.Equal(ReasonCode.Admitted, presence.Scan(text, Local(9, 16), Exit(Plenary), policy).Reason);
        Assert.Equal(ReasonCode.Admitted, presence.Scan(text, Local(9, 17), Entry(Plenary), policy).Reason);
        // Other zones keep their own presence.
        Assert.Equal(ReasonCode.Admitted, presence.Scan(text, Local(9, 18), Entry(Venue), policy).Reason);
    }

    [Fact]
    public void Soft_anti_passback_admits_a_second_entry_with_an_alert()
    {
        var text = Issue(Payload());
        var policy = Policy(rules: new ZoneRules([new(Plenary, ZoneRule.Soft())]));
        var presence = new FakePresence();

        Assert.Equal(ReasonCode.Admitted, presence.Scan(text, Local(9, 9), Entry(Plenary), policy).Reason);
        var second = presence.Scan(text, Local(9, 10), Entry(Plenary), policy);
        Assert.Equal(ReasonCode.AdmittedWithAlert, second.Reason);
        Assert.True(second.Admitted);
        presence.Scan(text, Local(9, 11), Exit(Plenary), policy);
        Assert.Equal(ReasonCode.Admitted, presence.Scan(text, Local(9, 12), Entry(Plenary), policy).Reason);
    }

    [Fact]
    public void Timed_anti_passback_denies_re_entry_within_N_minutes_of_the_last_entry_even_after_an_exit()
    {
        var text = Issue(Payload());
        var policy = Policy(rules: new ZoneRules([new(Plenary, ZoneRule.Timed(15))]));
        var presence = new FakePresence();

        Assert.Equal(ReasonCode.Admitted, presence.Scan(text, Local(9, 9), Entry(Plenary), policy).Reason);
        Assert.Equal(ReasonCode.Admitted, presence.Scan(text, Local(9, 9, 5), Exit(Plenary), policy).Reason);
        Assert.Equal(ReasonCode.ReentryTooSoon, presence.Scan(text, Local(9, 9, 14), Entry(Plenary), policy).Reason);
        Assert.Equal(ReasonCode.Admitted, presence.Scan(text, Local(9, 9, 15), Entry(Plenary), policy).Reason);
    }

    [Fact]
    public void Anti_passback_off_admits_every_entry()
    {
        var text = Issue(Payload());
        var presence = new FakePresence();

        for (var minute = 0; minute < 5; minute++)
        {
            Assert.Equal(ReasonCode.Admitted, presence.Scan(text, Local(9, 9, minute), Entry(Plenary), Policy()).Reason);
        }
    }

    [Fact]
    public void The_daily_reset_forgets_yesterdays_presence_at_the_reset_time_not_at_midnight()
    {
        var text = Issue(Payload());
        var policy = Policy(rules: new ZoneRules([new(Plenary, ZoneRule.Hard(dailyReset: new TimeOnly(4, 0)))]));
        var presence = new FakePresence();

        // Entered at 23:00 on the 8th and never scanned out.
        Assert.Equal(ReasonCode.Admitted, presence.Scan(text, Local(8, 23), Entry(Plenary), policy).Reason);
        Assert.Equal(ReasonCode.AlreadyInside, presence.Scan(text, Local(9, 0, 30), Entry(Plenary), policy).Reason);
        Assert.Equal(ReasonCode.AlreadyInside, presence.Scan(text, Local(9, 3, 59), Entry(Plenary), policy).Reason);
        Assert.Equal(ReasonCode.Admitted, presence.Scan(text, Local(9, 4, 0), Entry(Plenary), policy).Reason);
    }

    [Fact]
    public void Daily_limit_counts_entries_since_the_daily_reset()
    {
        var text = Issue(Payload());
        var policy = Policy(rules: new ZoneRules([new(Venue, ZoneRule.Soft(dailyReset: new TimeOnly(5, 0), maxEntriesPerDay: 2))]));
        var presence = new FakePresence();

        Assert.Equal(ReasonCode.Admitted, presence.Scan(text, Local(9, 4), Entry(Venue), policy).Reason);
        presence.Scan(text, Local(9, 4, 30), Exit(Venue), policy);
        // 05:00 starts a new day: the 04:00 entry no longer counts.
        Assert.Equal(ReasonCode.Admitted, presence.Scan(text, Local(9, 8), Entry(Venue), policy).Reason);
        presence.Scan(text, Local(9, 12), Exit(Venue), policy);
        Assert.Equal(ReasonCode.Admitted, presence.Scan(text, Local(9, 13), Entry(Venue), policy).Reason);
        presence.Scan(text, Local(9, 18), Exit(Venue), policy);
        Assert.Equal(ReasonCode.DailyLimitReached, presence.Scan(text, Local(9, 19), Entry(Venue), policy).Reason);
        Assert.Equal(ReasonCode.Admitted, presence.Scan(text, Local(10, 5), Entry(Venue), policy).Reason);
    }

    [Fact]
    public void A_hard_capacity_refuses_entries_once_the_zone_holds_that_many_and_a_departure_frees_a_place()
    {
        var policy = Policy(rules: new ZoneRules([KeyValuePair.Create(Plenary, ZoneRule.Open with { MaxInside = 2 })]));
        var presence = new FakePresence();
        var (first, second, third) = (Issue(Payload()), Issue(Payload()), Issue(Payload()));

        Assert.True(presence.Scan(first, Local(9, 9), Entry(Plenary), policy).Admitted);
        Assert.True(presence.Scan(second, Local(9, 9, 1), Entry(Plenary), policy).Admitted);
        Assert.Equal(ReasonCode.ZoneFull, presence.Scan(third, Local(9, 9, 2), Entry(Plenary), policy).Reason);
        // Someone counted inside takes no new place (anti-passback is off here), and leaving is never refused.
        Assert.True(presence.Scan(first, Local(9, 9, 3), Entry(Plenary), policy).Admitted);
        Assert.True(presence.Scan(first, Local(9, 9, 4), Exit(Plenary), policy).Admitted);
        Assert.True(presence.Scan(third, Local(9, 9, 5), Entry(Plenary), policy).Admitted);
        // Other zones are not counted.
        Assert.True(presence.Scan(first, Local(9, 9, 6), Entry(Venue), policy).Admitted);
    }

    [Fact]
    public void A_hard_capacity_forgets_who_entered_before_the_daily_reset()
    {
        var policy = Policy(rules: new ZoneRules([KeyValuePair.Create(Plenary, ZoneRule.Open with { DailyReset = new TimeOnly(4, 0), MaxInside = 1 })]));
        var presence = new FakePresence();
        Assert.True(presence.Scan(Issue(Payload()), Local(9, 18), Entry(Plenary), policy).Admitted);

        Assert.Equal(ReasonCode.ZoneFull, presence.Scan(Issue(Payload()), Local(10, 3, 59), Entry(Plenary), policy).Reason);
        Assert.True(presence.Scan(Issue(Payload()), Local(10, 4), Entry(Plenary), policy).Admitted);
    }

    [Fact]
    public void A_presence_book_counts_its_own_credentials_inside_plus_those_it_is_told_of()
    {
        var book = new PresenceBook();
        var dayStart = Local(9, 4);
        book.Record(Guid.NewGuid(), Plenary, GateDirection.Entry, Local(9, 9), dayStart);
        var leaver = Guid.NewGuid();
        book.Record(leaver, Plenary, GateDirection.Entry, Local(9, 9), dayStart);
        book.Record(leaver, Plenary, GateDirection.Exit, Local(9, 10), dayStart);
        book.Record(Guid.NewGuid(), Plenary, GateDirection.Entry, Local(8, 9), Local(8, 4));
        book.Record(Guid.NewGuid(), Venue, GateDirection.Entry, Local(9, 9), dayStart);

        Assert.Equal(1, book.PeopleInside(Plenary, dayStart));
        book.SetInsideElsewhere(Plenary, 41);
        Assert.Equal(42, book.PeopleInside(Plenary, dayStart));
        Assert.Equal(1, book.PeopleInside(Venue, dayStart));
    }

    [Fact]
    public void A_held_lane_refuses_entries_with_screening_hold_but_keeps_other_refusals_and_never_holds_an_exit()
    {
        var payload = Payload(category: PressCategory);
        var held = Entry(Venue) with { Held = true };

        Assert.Equal(ReasonCode.ScreeningHold, Decide(Issue(payload), held).Reason);
        Assert.Equal(ReasonCode.ZoneNotGranted, Decide(Issue(payload), Entry(Plenary) with { Held = true }).Reason);
        Assert.Equal(ReasonCode.Expired, Decide(Issue(payload), held, now: Local(12, 9)).Reason);
        Assert.True(Decide(Issue(payload), Exit(Venue) with { Held = true }).Admitted);
        Assert.True(Decide(Issue(payload), Entry(Venue)).Admitted);
    }

    [Fact]
    public void A_full_zone_is_said_before_a_hold_and_after_every_other_refusal()
    {
        var full = Policy(rules: new ZoneRules([KeyValuePair.Create(Venue, ZoneRule.Open with { MaxInside = 1 })]));
        var presence = new FakePresence();
        Assert.True(presence.Scan(Issue(Payload()), Morning, Entry(Venue), full).Admitted);
        var press = Payload(category: PressCategory);

        Assert.Equal(ReasonCode.ZoneFull, Decide(Issue(press), Entry(Venue) with { Held = true }, full, presence: presence).Reason);
        Assert.Equal(ReasonCode.Expired, Decide(Issue(press), Entry(Venue), full, Local(12, 9), presence).Reason);
        Assert.Equal(
            [GateChecks.DailyLimit, GateChecks.ZoneCapacity, GateChecks.NotHeld],
            GateDecision.StandardChecks.TakeLast(3));
    }

    [Fact]
    public void Checks_run_in_order_and_the_first_refusal_wins()
    {
        var payload = Payload(category: PressCategory);
        var policy = Policy(revocations: new RevocationSet([payload.CredentialId], [payload.HolderId]));

        Assert.Equal(ReasonCode.GateClosed, Decide(Issue(payload), Entry(Plenary, open: false), policy, now: Local(12, 9)).Reason);
        Assert.Equal(ReasonCode.Revoked, Decide(Issue(payload), Entry(Plenary), policy, now: Local(12, 9)).Reason);
        Assert.Equal(ReasonCode.Expired, Decide(Issue(payload), Entry(Plenary), now: Local(12, 9)).Reason);
        Assert.Equal(ReasonCode.ZoneNotGranted, Decide(Issue(payload), Entry(Plenary)).Reason);
    }

    [Fact]
    public void A_later_check_can_be_added_without_touching_the_standard_ones()
    {
        var text = Issue(Payload());
        var onHold = new PersonOnHold();
        var pipeline = new GatePipeline([.. GateDecision.StandardChecks, onHold]);

        Assert.Equal(ReasonCode.PersonBlocked, pipeline.Decide(text, Morning, Entry(Venue), Policy(), new FakePresence()).Reason);
        Assert.Equal(1, onHold.Calls);
        // A refusal earlier in the list stops the pipeline before the new check.
        Assert.Equal(ReasonCode.GateClosed, pipeline.Decide(text, Morning, Entry(Venue, open: false), Policy(), new FakePresence()).Reason);
        Assert.Equal(1, onHold.Calls);
    }

    [Fact]
    public void Reason_code_numbers_are_stable()
    {
        // Stored with scans and shipped to gate agents: a renumbering must fail here.
        Assert.Equal(
            [0, 1, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30],
            Enum.GetValues<ReasonCode>().Select(r => (int)r));
        Assert.Equal(27, (int)ReasonCode.FaceMismatch);
        Assert.Equal(28, (int)ReasonCode.FaceLaneNoMatch);
        Assert.Equal(29, (int)ReasonCode.FaceNotLive);
        Assert.Equal(30, (int)ReasonCode.FaceLaneNotLive);
    }

    [Fact]
    public void A_face_check_sees_the_comparison_made_before_the_decision()
    {
        var seen = new List<FaceComparison?>();
        var pipeline = new GatePipeline([.. GateDecision.StandardChecks, new FaceSpy(seen)]);
        var (credential, gate, policy, presence) = (Payload(), Entry(Plenary), Policy(), new FakePresence());

        pipeline.Check(credential, Morning, gate, policy, presence, new FaceComparison(0.31, 0.45));
        pipeline.Check(credential, Morning, gate, policy, presence, new FaceComparison(0.62, 0.45));
        pipeline.Check(credential, Morning, gate, policy, presence, new FaceComparison(null, 0.45));
        pipeline.Check(credential, Morning, gate, policy, presence);

        Assert.Equal([true, false, false], seen.Take(3).Select(f => f!.Value.Matches));
        Assert.Null(seen[3]);
        Assert.False(GateVerdictTexts.For(ReasonCode.FaceMismatch).En.StartsWith("Refused", StringComparison.Ordinal));
    }

    [Fact]
    public void A_matching_face_that_was_not_live_is_refused_as_not_live_after_the_match_and_never_on_leaving()
    {
        var pipeline = new GatePipeline([.. GateDecision.StandardChecks, GateChecks.FaceMatches]);
        var (credential, policy, presence) = (Payload(), Policy(), new FakePresence());
        ReasonCode At(Gate gate, FaceComparison? face) => pipeline.Check(credential, Morning, gate, policy, presence, face).Reason;

        Assert.Equal(ReasonCode.FaceNotLive, At(Entry(Plenary), new FaceComparison(0.31, 0.45, Live: false)));
        // A face that does not match is a mismatch whether it was live or not: the match is decided first.
        Assert.Equal(ReasonCode.FaceMismatch, At(Entry(Plenary), new FaceComparison(0.62, 0.45, Live: false)));
        Assert.Equal(ReasonCode.FaceMismatch, At(Entry(Plenary), new FaceComparison(null, 0.45, Live: true)));
        Assert.Equal(ReasonCode.Admitted, At(Entry(Plenary), new FaceComparison(0.31, 0.45, Live: true)));
        // Liveness not required at the gate (null) changes nothing; leaving is never refused for a face.
        Assert.Equal(ReasonCode.Admitted, At(Entry(Plenary), new FaceComparison(0.31, 0.45)));
        Assert.Equal(ReasonCode.Admitted, At(Exit(Plenary), new FaceComparison(0.31, 0.45, Live: false)));
        Assert.Equal("No live face seen: turn your head slightly, or staff check", GateVerdictTexts.For(ReasonCode.FaceNotLive).En);
    }

    private sealed class FaceSpy(List<FaceComparison?> seen) : IGateCheck
    {
        public ReasonCode Check(in ScanContext scan)
        {
            seen.Add(scan.Face);
            return ReasonCode.Admitted;
        }
    }

    private sealed class PersonOnHold : IGateCheck
    {
        public int Calls { get; private set; }

        public ReasonCode Check(in ScanContext scan)
        {
            Calls++;
            return ReasonCode.PersonBlocked;
        }
    }
}
