using System.Collections.Frozen;
using Summit.Access.Core;
using Summit.Access.Core.Sync;
using Summit.Server.Access;
using Summit.Server.Access.Contracts;
using Summit.Server.Access.Domain;
using Summit.Server.Access.Policy;
using Summit.Server.Access.Scanning;
using Summit.Server.Guests.Contracts;

namespace Summit.Tests.Access;

/// <summary>The batch decision alone: no database, no clock; every time is given.</summary>
public sealed class ScanBatchDecisionTests
{
    private const uint EventNumber = 7;
    private const int Hall = 1;
    private static readonly Guid EventId = Guid.NewGuid();
    private static readonly DateTimeOffset Morning = new(2026, 11, 9, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly GateInfo HallIn = new(Guid.NewGuid(), 1, "H-IN", "Hall in", "入口", Hall, "HALL", GateDirections.Entry, IsOpen: true);
    private static readonly GateInfo HallOut = new(Guid.NewGuid(), 2, "H-OUT", "Hall out", "出口", Hall, "HALL", GateDirections.Exit, IsOpen: true);

    [Fact]
    public void Scans_of_one_batch_see_the_presence_the_earlier_ones_left()
    {
        var guest = Credential();

        var result = Decide(Rules(ZoneRule.Hard()), [], [Online(guest, HallIn), Online(guest, HallIn, 1), Online(guest, HallOut, 2), Online(guest, HallIn, 3)]);

        Assert.Equal([ReasonCode.Admitted, ReasonCode.AlreadyInside, ReasonCode.Admitted, ReasonCode.Admitted],
            result.Settled.Select(s => s.Outcome!.Scan.Reason));
        var (row, isNew) = Assert.Single(result.Moved);
        Assert.True(isNew);
        Assert.Equal((true, 2, Morning.AddSeconds(3)), (row.Inside, row.EntriesInDay, row.LastEntryAt));
        Assert.Equal(4, result.Recorded.Count);
    }

    [Fact]
    public void A_nonce_already_recorded_answers_the_first_record_and_records_nothing()
    {
        var guest = Credential();
        var first = Online(guest, HallIn);
        var earlier = new Scan { Scanner = first.Work.Scanner, Nonce = first.Work.Nonce, Reason = ReasonCode.Admitted, Admitted = true };

        var result = Decide(ZoneRules.AllOpen, [earlier], [first, first with { ReceivedAt = Morning.AddSeconds(1) }]);

        Assert.All(result.Settled, s => Assert.Same(earlier, s.Outcome!.Scan));
        Assert.All(result.Settled, s => Assert.True(s.Outcome!.Duplicate));
        Assert.Empty(result.Recorded);
        Assert.Empty(result.Moved);
    }

    [Fact]
    public void The_servers_gate_checks_run_after_the_standard_ones_in_their_order()
    {
        var guest = Credential();
        var other = Credential();
        var server = new IGateCheck[] { new Refuses(ReasonCode.ScreeningHold, entriesOnly: true), new Refuses(ReasonCode.PersonBlocked, entriesOnly: false) };

        var result = Decide(Rules(ZoneRule.Hard()), [], [Online(guest, HallIn), Online(other, HallOut, 1)], serverChecks: server,
            presence: [new ZonePresence { CredentialId = guest.CredentialId, Zone = Hall, Inside = true, LastEntryAt = Morning.AddHours(-1), DayStart = Morning.AddHours(-9) }]);

        // Anti-passback refuses first; the first server check refuses entries only, so the exit meets the second.
        Assert.Equal([ReasonCode.AlreadyInside, ReasonCode.PersonBlocked], result.Settled.Select(s => s.Outcome!.Scan.Reason));
        Assert.Equal([ReasonCode.ScreeningHold], Decide(ZoneRules.AllOpen, [], [Online(guest, HallIn)], serverChecks: server).Settled.Select(s => s.Outcome!.Scan.Reason));
    }

    [Fact]
    public void An_upload_is_not_checked_by_the_servers_gate_checks()
    {
        var guest = Credential();

        var result = Decide(ZoneRules.AllOpen, [], [Upload(guest, Morning)], serverChecks: [new Refuses(ReasonCode.ScreeningHold, entriesOnly: false)]);

        Assert.True(Assert.Single(result.Recorded).Admitted);
    }

    [Fact]
    public void A_hard_capacity_counts_those_inside_elsewhere()
    {
        var rules = Rules(new ZoneRule(AntiPassbackMode.Off, 0, TimeOnly.MinValue, 0, MaxInside: 3));

        var result = Decide(rules, [], [Online(Credential(), HallIn), Online(Credential(), HallIn, 1)], insideElsewhere: 2);

        Assert.Equal([ReasonCode.Admitted, ReasonCode.ZoneFull], result.Settled.Select(s => s.Outcome!.Scan.Reason));
    }

    [Fact]
    public void An_upload_is_the_agents_verdict_at_its_own_time_and_late_when_it_arrives_late()
    {
        var guest = Credential();
        var scannedAt = Morning.AddMinutes(-10);

        var scan = Assert.Single(Decide(ZoneRules.AllOpen, [], [Upload(guest, scannedAt)]).Recorded);

        Assert.Equal((ReasonCode.Admitted, true, scannedAt, Morning, true), (scan.Reason, scan.Admitted, scan.ScannedAt, scan.ReceivedAt, scan.Late));
    }

    [Fact]
    public void An_uploaded_admission_of_a_revoked_code_is_disputed_and_moves_nobody()
    {
        var guest = Credential();

        var result = Decide(ZoneRules.AllOpen, [], [Upload(guest, Morning)], revoked: [guest.CredentialId]);

        var (scan, gate) = Assert.Single(result.Disputes);
        Assert.Equal((ReasonCode.Revoked, ReasonCode.Admitted, false, HallIn), (scan.Reason, scan.DeviceReason, scan.Admitted, gate));
        Assert.Empty(result.Moved);
    }

    [Fact]
    public void Two_uploaded_entries_without_an_exit_between_are_an_entry_conflict()
    {
        var guest = Credential();

        var result = Decide(Rules(ZoneRule.Hard()), [], [Upload(guest, Morning.AddMinutes(-5)), Upload(guest, Morning.AddMinutes(-2))], movements: []);

        var (conflict, gate) = Assert.Single(result.Conflicts);
        Assert.Equal((result.Recorded[0].Id, result.Recorded[1].Id, HallIn), (conflict.FirstScanId, conflict.SecondScanId, gate));
        Assert.All(result.Recorded, s => Assert.True(s.Conflict));
        Assert.Same(conflict, result.Settled[1].Outcome!.Conflict);
    }

    [Fact]
    public void A_forged_code_is_recorded_without_identity_and_an_unknown_gate_is_refused_to_its_caller()
    {
        var guest = Credential();
        var forged = Online(guest, HallIn) with { Identity = new ScanIdentity(guest, SignatureCheck.BadSignature) };
        var elsewhere = Online(guest, HallIn) with { Work = Online(guest, HallIn).Work with { Gate = HallIn with { Id = Guid.NewGuid() } } };

        var result = Decide(ZoneRules.AllOpen, [], [forged, elsewhere]);

        var scan = result.Settled[0].Outcome!.Scan;
        Assert.Equal((ReasonCode.BadSignature, false, null, null), (scan.Reason, scan.Admitted, scan.CredentialId, scan.GuestId));
        Assert.Equal(AccessErrors.GateNotFound, result.Settled[1].Refusal!.Error.Code);
    }

    [Fact]
    public void An_accredited_guests_first_entry_is_an_arrival()
    {
        var guest = Credential();
        var card = new GuestCard(guest.HolderId, EventId, "Ada", "Ada", null, "Org", null, "GB", Guid.NewGuid(), GuestStatus.Accredited,
            ParticipationMode.InPerson, false, "en", null);

        var result = Decide(ZoneRules.AllOpen, [], [Online(guest, HallIn)], cards: [card]);

        Assert.Equal([guest.HolderId], result.Arrivals);
        Assert.Same(card, result.Settled[0].Outcome!.Holder);
    }

    private static ScanBatchResult Decide(ZoneRules rules, IEnumerable<Scan> known, IReadOnlyList<BatchScan> batch, IEnumerable<IGateCheck>? serverChecks = null,
        int insideElsewhere = 0, IEnumerable<Guid>? revoked = null, IEnumerable<Scan>? movements = null, IEnumerable<GuestCard>? cards = null,
        IEnumerable<ZonePresence>? presence = null)
    {
        var snapshot = Snapshot(rules, revoked ?? []);
        var counts = rules.For(Hall).MaxInside > 0 ? new Dictionary<int, int> { [Hall] = insideElsewhere } : [];
        return new ScanBatchDecision(snapshot, known, presence ?? [], counts, new EntryConflictCheck(movements),
            new GatePipeline([.. GateDecision.StandardChecks, .. serverChecks ?? []]), (cards ?? []).ToDictionary(c => c.Id)).Decide(batch);
    }

    private static CredentialPayload Credential() =>
        new(1, Guid.NewGuid(), Guid.NewGuid(), EventNumber, 1, ZoneSet.Of(Hall), Morning.AddDays(-1).ToUniversalTime(), Morning.AddDays(2).ToUniversalTime());

    private static ScanIdentity Genuine(CredentialPayload credential) => new(credential, SignatureCheck.Valid);

    private static BatchScan Online(CredentialPayload credential, GateInfo gate, int seconds = 0) =>
        new(new ScanWork("device:test", null, gate, Guid.NewGuid(), "S1...", gate.Directions == GateDirections.Exit ? GateDirection.Exit : GateDirection.Entry,
            null, ScanSource.Online), Morning.AddSeconds(seconds), Genuine(credential));

    /// <summary>An entry a gate agent admitted at <paramref name="scannedAt"/> and uploaded, received at <see cref="Morning"/>.</summary>
    private static BatchScan Upload(CredentialPayload credential, DateTimeOffset scannedAt) =>
        new(Online(credential, HallIn).Work with { ScannedAt = scannedAt, AgentReason = ReasonCode.Admitted, Source = ScanSource.Agent }, Morning,
            Genuine(credential));

    private static ZoneRules Rules(ZoneRule hall) => new([KeyValuePair.Create(Hall, hall)]);

    private static AccessSnapshot Snapshot(ZoneRules rules, IEnumerable<Guid> revoked) => new()
    {
        PolicyVersion = 1,
        EventId = EventId,
        EventNumber = EventNumber,
        TimeZoneId = "Asia/Shanghai",
        Policy = new AccessPolicy
        {
            EventId = EventNumber,
            TimeZone = TimeZoneInfo.CreateCustomTimeZone("Summit/Wuzhen", TimeSpan.FromHours(8), "Wuzhen", "Wuzhen"),
            Keys = new PublicKeyRing([]),
            Revocations = new RevocationSet(revoked, []),
            Grants = new ZoneGrantTable([], []),
            Rules = rules,
        },
        LateAfterSeconds = 60,
        Gates = new[] { HallIn, HallOut }.ToFrozenDictionary(g => g.Id),
        Zones = FrozenDictionary<int, Summit.Server.Access.Contracts.ZoneView>.Empty,
        CategoriesByNumber = FrozenDictionary<ushort, CategoryCard>.Empty,
        Keys = [],
        RevokedCredentials = [],
        BlockedHolders = [],
        CategoryGrants = [],
        PersonalGrants = [],
        Rules = [],
    };

    /// <summary>A server check that refuses every scan (or every entry) with one reason.</summary>
    private sealed class Refuses(ReasonCode reason, bool entriesOnly) : IGateCheck
    {
        public ReasonCode Check(in ScanContext scan) => entriesOnly && !scan.IsEntry ? ReasonCode.Admitted : reason;
    }
}
