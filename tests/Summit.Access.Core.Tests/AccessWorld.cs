using NSec.Cryptography;

namespace Summit.Access.Core.Tests;

/// <summary>
/// A small event for decision tests: Wuzhen time (UTC+8), zones 0 (venue) 1 (plenary hall) 2 (press centre) 3 (VIP lounge),
/// key 1 valid, key 2 retired, key 3 known to nobody. Categories: 1 = delegate (venue, plenary), 2 = press (venue, press centre).
/// </summary>
internal static class AccessWorld
{
    public const uint EventId = 2026;
    public const ushort DelegateCategory = 1;
    public const ushort PressCategory = 2;
    public const int Venue = 0;
    public const int Plenary = 1;
    public const int PressCentre = 2;
    public const int VipLounge = 3;

    public static readonly TimeZoneInfo Wuzhen =
        TimeZoneInfo.CreateCustomTimeZone("Summit/Wuzhen", TimeSpan.FromHours(8), "Wuzhen", "Wuzhen");

    public static readonly Key SigningKey = KeyFromSeed(1);
    public static readonly Key RetiredKey = KeyFromSeed(2);
    public static readonly Key UnknownKey = KeyFromSeed(3);

    public static readonly PublicKeyRing Keys = new(
    [
        new KeyRingEntry(1, SigningKey.PublicKey, KeyStatus.Valid),
        new KeyRingEntry(2, RetiredKey.PublicKey, KeyStatus.Retired),
    ]);

    /// <summary>Event-local time on a November 2026 day.</summary>
    public static DateTimeOffset Local(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, TimeSpan.FromHours(8));

    public static CredentialPayload Payload(
        ushort category = DelegateCategory, ZoneSet extraZones = default, uint keyId = 1, uint eventId = EventId, Guid? credentialId = null, Guid? holderId = null) =>
        new(keyId,
            credentialId ?? Guid.NewGuid(),
            holderId ?? Guid.NewGuid(),
            eventId,
            category,
            extraZones,
            Local(8, 0).ToUniversalTime(),
            Local(11, 0).ToUniversalTime());

    public static string Issue(CredentialPayload payload) => CredentialCodec.Encode(payload, payload.KeyId switch
    {
        1 => SigningKey,
        2 => RetiredKey,
        _ => UnknownKey,
    });

    public static AccessPolicy Policy(
        IRevocationSet? revocations = null, IZoneGrants? grants = null, ZoneRules? rules = null, IPublicKeyRing? keys = null) => new()
        {
            EventId = EventId,
            TimeZone = Wuzhen,
            Keys = keys ?? Keys,
            Revocations = revocations ?? RevocationSet.None,
            Grants = grants ?? StandardGrants,
            Rules = rules ?? ZoneRules.AllOpen,
        };

    public static readonly ZoneGrantTable StandardGrants = new(
    [
        new CategoryGrant(DelegateCategory, ZoneSet.Of(Venue, Plenary), DayRange.Always),
        new CategoryGrant(PressCategory, ZoneSet.Of(Venue, PressCentre), DayRange.Always),
    ], []);

    public static Gate Entry(int zone, bool open = true) => new(10 + zone, zone, GateDirection.Entry, open);

    public static Gate Exit(int zone, bool open = true) => new(20 + zone, zone, GateDirection.Exit, open);

    private static Key KeyFromSeed(byte seed)
    {
        var raw = new byte[32];
        Array.Fill(raw, seed);
        return Key.Import(SignatureAlgorithm.Ed25519, raw, KeyBlobFormat.RawPrivateKey);
    }
}
