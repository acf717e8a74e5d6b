using NSec.Cryptography;
using Summit.Access.Core;
using Summit.Access.Core.Sync;

namespace Summit.GateAgent.Tests;

/// <summary>
/// A small event for agent tests, built the way the server ships it: a fresh Ed25519 signing key (id 1), event 2021 in
/// Asia/Shanghai, gate G7 of zone 1 (the hall) with entry and exit lanes, hard anti-passback with a 04:00 daily reset.
/// Delegates (category 1) open zones 0 and 1.
/// </summary>
internal static class GateWorld
{
    public const uint EventNumber = 2021;
    public const ushort DelegateCategory = 1;
    public const ushort PressCategory = 2;
    public const int Hall = 1;

    public static readonly Key SigningKey = Key.Create(SignatureAlgorithm.Ed25519);

    public static readonly GateInfo Gate = new(Guid.NewGuid(), 7, "G7", "North gate", "北门", Hall, "HALL", GateDirections.Both, IsOpen: true);

    /// <summary>Wuzhen time (UTC+8) on a November 2021 day.</summary>
    public static DateTimeOffset Local(int day, int hour, int minute = 0) => new(2021, 11, day, hour, minute, 0, TimeSpan.FromHours(8));

    public static GatePolicyDocument Policy(long version = 1, AntiPassbackMode antiPassback = AntiPassbackMode.Hard, int maxEntriesPerDay = 0,
        IReadOnlyList<Guid>? revoked = null, int maxInside = 0) => new(
            version,
            EventNumber,
            "Asia/Shanghai",
            Gate,
            [new PublicKeyEntry(1, Convert.ToBase64String(SigningKey.PublicKey.Export(KeyBlobFormat.RawPublicKey)), KeyStatus.Valid)],
            revoked ?? [],
            [],
            [new CategoryGrantEntry(DelegateCategory, ZoneSet.Of(0, Hall).Bits, null, null)],
            [],
            [new ZoneRuleEntry(Hall, antiPassback, 0, new TimeOnly(4, 0), maxEntriesPerDay, maxInside)]);

    public static PresenceDocument NobodyInside(DateTimeOffset asOf) => new(Hall, asOf, []);

    /// <summary>A credential valid from 8 to 12 November 2021, or over the given window (whole minutes).</summary>
    public static Credential Issue(ushort category = DelegateCategory, DateTimeOffset? validFrom = null, DateTimeOffset? validUntil = null)
    {
        var payload = new CredentialPayload(1, Guid.NewGuid(), Guid.NewGuid(), EventNumber, category, ZoneSet.Empty,
            (validFrom ?? Local(8, 0)).ToUniversalTime(), (validUntil ?? Local(12, 0)).ToUniversalTime());
        return new Credential(payload, CredentialCodec.Encode(payload, SigningKey));
    }
}
