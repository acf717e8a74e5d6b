using NSec.Cryptography;
using Summit.Access.Core;

namespace Summit.Benchmarks;

/// <summary>
/// A gate agent's view on the third day of a 2,000-guest summit in Wuzhen, as a sync would leave it: three keys (one
/// retired), 2,000 revoked credentials and 50 blocked persons, one grant per category for eight categories with day
/// ranges, 200 personal grants, rules for eight zones, and a presence book of 2,000 credentials in the venue and the
/// plenary hall. The gate is the plenary hall entry (hard anti-passback, six entries a day). Built from a seed, so
/// every run measures the same thing.
/// </summary>
public sealed class GateScenario
{
    public const uint EventId = 2026;
    public const int PresentCredentials = 2_000;
    public const int RevokedCredentials = 2_000;

    private const int Venue = 0;
    private const int PlenaryHall = 1;
    private const int PressCentre = 2;
    private const int ExhibitionHall = 3;
    private const int VipLounge = 4;
    private const int BilateralRooms = 5;
    private const int GalaDinner = 6;
    private const int ServiceArea = 7;

    private const ushort Vip = 1;
    private const ushort Speaker = 2;
    private const ushort Delegate = 3;
    private const ushort Media = 4;
    private const ushort Exhibitor = 5;
    private const ushort Staff = 6;
    private const ushort Volunteer = 7;
    private const ushort Contractor = 8;

    private const uint RetiredKeyId = 1;
    private const uint CurrentKeyId = 2;
    private const uint NextKeyId = 3;

    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    private GateScenario(AccessPolicy policy, PresenceBook presence, IReadOnlyList<string> admitted, IReadOnlyList<string> refused, byte[] credentialBytes,
        PublicKey currentKey)
    {
        Policy = policy;
        Presence = presence;
        AdmittedCodes = admitted;
        RefusedCodes = refused;
        CredentialBytes = credentialBytes;
        CurrentKey = currentKey;
    }

    public static DateTimeOffset Now { get; } = Local(10, 14, 0);

    public static Gate Gate { get; } = new(Id: 11, Zone: PlenaryHall, GateDirection.Entry, IsOpen: true);

    public AccessPolicy Policy { get; }

    public PresenceBook Presence { get; }

    /// <summary>Genuine codes this gate admits now. The first is the one measured: a delegate with personal grants who has
    /// entered the hall twice today and left it.</summary>
    public IReadOnlyList<string> AdmittedCodes { get; }

    public string Code => AdmittedCodes[0];

    /// <summary>Genuine codes this gate refuses: revoked, retired key, blocked person, another event, expired, zone not granted, already inside.</summary>
    public IReadOnlyList<string> RefusedCodes { get; }

    /// <summary>The measured code as bytes: the 59 signed bytes, then the 64-byte signature.</summary>
    public byte[] CredentialBytes { get; }

    public ReadOnlySpan<byte> SignedMessage => CredentialBytes.AsSpan(0, CredentialCodec.SignedLength);

    public ReadOnlySpan<byte> Signature => CredentialBytes.AsSpan(CredentialCodec.SignedLength);

    /// <summary>The public key that signed <see cref="Code"/>.</summary>
    public PublicKey CurrentKey { get; }

    public static GateScenario Create(int seed = 20261110)
    {
        var random = new Random(seed);
        using var retiredKey = KeyFrom(random);
        using var currentKey = KeyFrom(random);
        using var nextKey = KeyFrom(random);
        var keys = new PublicKeyRing(
        [
            new KeyRingEntry(RetiredKeyId, retiredKey.PublicKey, KeyStatus.Retired),
            new KeyRingEntry(CurrentKeyId, currentKey.PublicKey, KeyStatus.Valid),
            new KeyRingEntry(NextKeyId, nextKey.PublicKey, KeyStatus.Valid),
        ]);

        var measured = Credential(random, CurrentKeyId, Delegate, ZoneSet.Of(ExhibitionHall));
        var revoked = Credential(random, CurrentKeyId, Delegate);
        var blocked = Credential(random, CurrentKeyId, Speaker);
        var inside = Credential(random, NextKeyId, Vip);

        var revokedIds = Enumerable.Range(0, RevokedCredentials - 1).Select(_ => NewGuid(random)).Append(revoked.CredentialId);
        var blockedHolders = Enumerable.Range(0, 49).Select(_ => NewGuid(random)).Append(blocked.HolderId);

        var summitDays = new DayRange(new DateOnly(2026, 11, 8), new DateOnly(2026, 11, 11));
        CategoryGrant[] categoryGrants =
        [
            new(Vip, ZoneSet.Of(Venue, PlenaryHall, PressCentre, ExhibitionHall, VipLounge, BilateralRooms, GalaDinner), summitDays),
            new(Speaker, ZoneSet.Of(Venue, PlenaryHall, ExhibitionHall, VipLounge), summitDays),
            new(Delegate, ZoneSet.Of(Venue, PlenaryHall, ExhibitionHall), summitDays),
            new(Media, ZoneSet.Of(Venue, PressCentre, ExhibitionHall), new DayRange(new DateOnly(2026, 11, 7), new DateOnly(2026, 11, 11))),
            new(Exhibitor, ZoneSet.Of(Venue, ExhibitionHall), new DayRange(new DateOnly(2026, 11, 6), new DateOnly(2026, 11, 11))),
            new(Staff, ZoneSet.Of(Venue, PlenaryHall, PressCentre, ExhibitionHall, ServiceArea), new DayRange(new DateOnly(2026, 11, 4), new DateOnly(2026, 11, 12))),
            new(Volunteer, ZoneSet.Of(Venue, ExhibitionHall, ServiceArea), new DayRange(new DateOnly(2026, 11, 6), new DateOnly(2026, 11, 11))),
            new(Contractor, ZoneSet.Of(ServiceArea), new DayRange(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 7))),
        ];
        var personalGrants = Enumerable.Range(0, 198)
            .Select(i => new PersonalGrant(NewGuid(random), i % 3 == 0 ? GrantChange.Remove : GrantChange.Add, ZoneSet.Of(2 + (i % 5)), DayRange.On(new DateOnly(2026, 11, 8 + (i % 4)))))
            .Append(new PersonalGrant(measured.CredentialId, GrantChange.Add, ZoneSet.Of(GalaDinner, BilateralRooms), DayRange.On(new DateOnly(2026, 11, 10))))
            .Append(new PersonalGrant(measured.CredentialId, GrantChange.Remove, ZoneSet.Of(ExhibitionHall), DayRange.Always));

        var fourAm = new TimeOnly(4, 0);
        var rules = new ZoneRules(
        [
            new(Venue, ZoneRule.Hard(fourAm)),
            new(PlenaryHall, ZoneRule.Hard(fourAm, maxEntriesPerDay: 6)),
            new(PressCentre, ZoneRule.Soft(fourAm)),
            new(ExhibitionHall, ZoneRule.Open),
            new(VipLounge, ZoneRule.Timed(15, fourAm)),
            new(BilateralRooms, ZoneRule.Timed(5, fourAm)),
            new(GalaDinner, ZoneRule.Hard(fourAm, maxEntriesPerDay: 1)),
            new(ServiceArea, ZoneRule.Soft(fourAm)),
        ]);

        var policy = new AccessPolicy
        {
            EventId = EventId,
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"),
            Keys = keys,
            Revocations = new RevocationSet(revokedIds, blockedHolders),
            Grants = new ZoneGrantTable(categoryGrants, personalGrants),
            Rules = rules,
        };

        var presence = new PresenceBook();
        var dayStart = Local(10, 4, 0);
        for (var i = 0; i < PresentCredentials - 2; i++)
        {
            var id = NewGuid(random);
            var entered = dayStart.AddMinutes(240 + random.Next(360));
            var left = random.Next(3) == 0 ? entered.AddMinutes(10 + random.Next(60)) : (DateTimeOffset?)null;
            presence.Set(id, Venue, new ZoneMovements(true, entered.AddMinutes(-15), null, dayStart, 1));
            presence.Set(id, PlenaryHall, new ZoneMovements(left is null, entered, left, dayStart, 1 + random.Next(3)));
        }
        presence.Set(measured.CredentialId, Venue, new ZoneMovements(true, Local(10, 8, 50), null, dayStart, 1));
        presence.Set(measured.CredentialId, PlenaryHall, new ZoneMovements(false, Local(10, 9, 5), Local(10, 12, 40), dayStart, 2));
        presence.Set(inside.CredentialId, PlenaryHall, new ZoneMovements(true, Local(10, 13, 30), null, dayStart, 1));

        string Issue(CredentialPayload payload) => CredentialCodec.Encode(payload, payload.KeyId switch
        {
            RetiredKeyId => retiredKey,
            CurrentKeyId => currentKey,
            _ => nextKey,
        });

        var admitted = new List<string> { Issue(measured) };
        ushort[] plenaryCategories = [Vip, Speaker, Delegate, Staff];
        for (var i = 0; i < 11; i++)
        {
            var keyId = i % 2 == 0 ? CurrentKeyId : NextKeyId;
            admitted.Add(Issue(Credential(random, keyId, plenaryCategories[i % plenaryCategories.Length], new ZoneSet((ulong)random.Next(1 << 8)))));
        }

        (string Code, ReasonCode Reason)[] refused =
        [
            (Issue(revoked), ReasonCode.Revoked),
            (Issue(blocked), ReasonCode.PersonBlocked),
            (Issue(inside), ReasonCode.AlreadyInside),
            (Issue(Credential(random, RetiredKeyId, Delegate)), ReasonCode.RetiredKey),
            (Issue(Credential(random, CurrentKeyId, Delegate) with { EventId = EventId - 1 }), ReasonCode.ZoneNotGranted),
            (Issue(Credential(random, CurrentKeyId, Delegate) with { ValidUntil = Local(10, 0, 0).ToUniversalTime() }), ReasonCode.Expired),
            (Issue(Credential(random, CurrentKeyId, Exhibitor)), ReasonCode.ZoneNotGranted),
        ];

        var credentialBytes = new byte[CredentialCodec.BinaryLength];
        CredentialCodec.TryDecode(admitted[0], credentialBytes, out _, out _);
        var scenario = new GateScenario(policy, presence, admitted, [.. refused.Select(r => r.Code)], credentialBytes, currentKey.PublicKey);

        // A scenario whose codes do not get the intended verdicts would measure or fuzz something else.
        foreach (var code in admitted)
        {
            scenario.Expect(code, ReasonCode.Admitted);
        }
        foreach (var (code, reason) in refused)
        {
            scenario.Expect(code, reason);
        }
        return scenario;
    }

    public Verdict Decide(string text) => GateDecision.Decide(text, Now, Gate, Policy, Presence);

    private void Expect(string code, ReasonCode reason)
    {
        var verdict = Decide(code);
        if (verdict.Reason != reason)
        {
            throw new InvalidOperationException($"The scenario's code {code} gets {verdict.Reason}, not {reason}.");
        }
    }

    /// <summary>A credential valid from the 7th to the end of the 11th, event-local.</summary>
    private static CredentialPayload Credential(Random random, uint keyId, ushort category, ZoneSet extraZones = default) =>
        new(keyId, NewGuid(random), NewGuid(random), EventId, category, extraZones, Local(7, 0, 0).ToUniversalTime(), Local(12, 0, 0).ToUniversalTime());

    private static DateTimeOffset Local(int day, int hour, int minute) => new(2026, 11, day, hour, minute, 0, Offset);

    private static Guid NewGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static Key KeyFrom(Random random)
    {
        var seed = new byte[32];
        random.NextBytes(seed);
        return Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey);
    }
}
