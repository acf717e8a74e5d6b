namespace Summit.Access.Core.Sync;

// The wire contract between the server and gate devices (the gate agent, or any turnstile that speaks it), shared
// so that both sides compile against the same shapes. JSON, camelCase, enums as strings. Every device request carries
// the header "Authorization: Device <token>".
//
//   GET  /api/v1/device/me              -> DeviceInfo
//   GET  /api/v1/device/policy          -> GatePolicyDocument (ETag = PolicyVersion; If-None-Match answers 304)
//   GET  /api/v1/device/presence        -> PresenceDocument (the device's zone)
//   GET  /api/v1/device/holds           -> GateHoldsDocument (ETag = GateHoldsDocument.Tag; with If-None-Match and
//                                          "Prefer: wait=N" the server answers as soon as the holds change, or 304 after N s)
//   POST /api/v1/device/scans           DeviceScanRequest  -> ScanResponse   (online: the server decides)
//   POST /api/v1/device/scans/upload    ScanUploadRequest  -> ScanUploadResponse (offline journal: the device decided)

/// <summary>Which directions a gate lane may scan.</summary>
public enum GateDirections
{
    Entry = 1,
    Exit = 2,
    Both = 3,
}

/// <summary>The gate a device is bound to.</summary>
public sealed record GateInfo(
    Guid Id, int Number, string Code, string NameEn, string NameZh, int Zone, string ZoneCode, GateDirections Directions, bool IsOpen)
{
    /// <summary>The lane direction a scan is decided for: the requested one when the gate allows it, otherwise null.</summary>
    public GateDirection? Resolve(GateDirection? requested) => (requested, Directions) switch
    {
        (null, GateDirections.Exit) => GateDirection.Exit,
        (null, _) => GateDirection.Entry,
        (GateDirection.Entry, GateDirections.Entry or GateDirections.Both) => GateDirection.Entry,
        (GateDirection.Exit, GateDirections.Exit or GateDirections.Both) => GateDirection.Exit,
        _ => null,
    };

    public Gate ToGate(GateDirection direction) => new(Number, Zone, direction, IsOpen);
}

public sealed record DeviceInfo(Guid DeviceId, string Name, GateInfo Gate, uint EventNumber, DateTimeOffset ServerTime);

public sealed record PublicKeyEntry(uint KeyId, string PublicKey, KeyStatus Status);

public sealed record CategoryGrantEntry(ushort Category, ulong Zones, DateOnly? FirstDay, DateOnly? LastDay);

public sealed record PersonalGrantEntry(Guid CredentialId, GrantChange Change, ulong Zones, DateOnly? FirstDay, DateOnly? LastDay);

/// <param name="MaxInside">A hard capacity: people allowed inside at once; 0 when the gates do not count (absent from older servers).</param>
public sealed record ZoneRuleEntry(int Zone, AntiPassbackMode AntiPassback, int ReentryMinutes, TimeOnly DailyReset, int MaxEntriesPerDay,
    int MaxInside = 0);

/// <summary>
/// Everything a gate needs to decide alone: keys, revocations, blocked persons, grants, rules and its own gate.
/// The whole document is sent on every change; <see cref="PolicyVersion"/> tells whether anything changed.
/// </summary>
public sealed record GatePolicyDocument(
    long PolicyVersion,
    uint EventNumber,
    string TimeZoneId,
    GateInfo Gate,
    IReadOnlyList<PublicKeyEntry> Keys,
    IReadOnlyList<Guid> RevokedCredentials,
    IReadOnlyList<Guid> BlockedHolders,
    IReadOnlyList<CategoryGrantEntry> CategoryGrants,
    IReadOnlyList<PersonalGrantEntry> PersonalGrants,
    IReadOnlyList<ZoneRuleEntry> Rules)
{
    /// <summary>The decision's view of this document. Keys that are not valid Ed25519 public keys are left out (and so read as unknown).</summary>
    public AccessPolicy ToAccessPolicy() => new()
    {
        EventId = EventNumber,
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId),
        Keys = new PublicKeyRing(Keys
            .Select(k => TryBase64(k.PublicKey) is { } raw ? KeyRingEntry.FromRaw(k.KeyId, raw, k.Status) : null)
            .OfType<KeyRingEntry>()),
        Revocations = new RevocationSet(RevokedCredentials, BlockedHolders),
        Grants = new ZoneGrantTable(
            CategoryGrants.Select(g => new CategoryGrant(g.Category, new ZoneSet(g.Zones), new DayRange(g.FirstDay, g.LastDay))),
            PersonalGrants.Select(g => new PersonalGrant(g.CredentialId, g.Change, new ZoneSet(g.Zones), new DayRange(g.FirstDay, g.LastDay)))),
        Rules = new ZoneRules(Rules
            .Where(r => (uint)r.Zone <= ZoneSet.MaxZone)
            .Select(r => KeyValuePair.Create(r.Zone, new ZoneRule(r.AntiPassback, r.ReentryMinutes, r.DailyReset, r.MaxEntriesPerDay, Math.Max(0, r.MaxInside))))),
    };

    private static byte[]? TryBase64(string text)
    {
        var buffer = new byte[(text.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }
}

/// <summary>One credential's movements through a zone, as the server last knew them.</summary>
/// <param name="DayStart">Start of the access day <see cref="EntriesInDay"/> counts from.</param>
public sealed record PresenceEntry(Guid CredentialId, bool Inside, DateTimeOffset? LastEntryAt, DateTimeOffset? LastExitAt,
    DateTimeOffset DayStart, int EntriesInDay);

public sealed record PresenceDocument(int Zone, DateTimeOffset AsOf, IReadOnlyList<PresenceEntry> Entries);

/// <summary>
/// Whether the device's lane is on screening hold now. Holds change within seconds (a fever reading, an officer's decision), far
/// faster than the policy, so they have their own long-polled endpoint instead of a policy version.
/// </summary>
/// <param name="Screened">True when an active body-temperature sensor watches this gate: only then can it be held.</param>
/// <param name="HeldSince">When the open hold was raised; null when the lane is not held.</param>
/// <param name="AsOf">The server's time of this answer.</param>
public sealed record GateHoldsDocument(Guid GateId, bool Screened, bool Held, DateTimeOffset? HeldSince, DateTimeOffset AsOf)
{
    /// <summary>What the ETag carries: two documents with the same tag hold the same lane in the same state.</summary>
    public string Tag => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{GateId:N}-{(Screened ? "screened" : "unscreened")}-{(Held ? $"held-{HeldSince?.UtcTicks ?? 0}" : "open")}");
}

/// <summary>An online scan. The nonce is chosen by the device: the same nonce twice is one scan.</summary>
/// <param name="ScannedAt">When the code was read; the server's receipt time when absent.</param>
/// <param name="Direction">The lane that read the code, for a two-way gate; entry when absent.</param>
public sealed record DeviceScanRequest(Guid Nonce, string Code, DateTimeOffset? ScannedAt = null, GateDirection? Direction = null);

/// <summary>The person behind a genuine code, for the operator's visual check.</summary>
public sealed record HolderCard(Guid GuestId, string Name, string? NameOriginal, string Organisation, string CountryCode,
    string CategoryCode, string CategoryName, string CategoryColour, string? PhotoUrl);

/// <summary>The server's answer to a scan.</summary>
/// <param name="Duplicate">True when the nonce was seen before: this is the first answer again, nothing new was recorded.</param>
public sealed record ScanResponse(Guid ScanId, Guid Nonce, bool Admitted, ReasonCode Reason, int ReasonNumber, string Message,
    string MessageZh, GateDirection Direction, DateTimeOffset ScannedAt, DateTimeOffset ReceivedAt, HolderCard? Holder, bool Duplicate);

/// <summary>A scan the device decided itself (offline, or as a gate agent), uploaded from its journal.</summary>
public sealed record JournalScan(Guid Nonce, string Code, GateDirection Direction, ReasonCode Reason, DateTimeOffset ScannedAt);

public sealed record ScanUploadRequest(IReadOnlyList<JournalScan> Scans);

/// <summary>A second entry without an exit that the server saw only once offline scans arrived.</summary>
public sealed record EntryConflictInfo(Guid ConflictId, Guid CredentialId, int Zone, Guid FirstScanId, Guid SecondScanId);

/// <summary>A journal entry the server cannot record (no nonce, an unknown reason, a time far in the future); the device drops it.</summary>
public sealed record RejectedScan(Guid Nonce, string Code, string Message);

/// <param name="Recorded">Scans stored now.</param>
/// <param name="Duplicates">Scans whose nonce was already stored (an upload repeated after a lost answer).</param>
/// <param name="Late">Of those recorded, scans received long after they were made.</param>
/// <param name="Rejected">Entries that can never be recorded; everything else in the upload was.</param>
public sealed record ScanUploadResponse(int Recorded, int Duplicates, int Late, IReadOnlyList<EntryConflictInfo> Conflicts,
    IReadOnlyList<RejectedScan> Rejected);
