namespace Summit.Access.Core.Sync;

/// <summary>
/// Everything a gate needs to decide alone: keys, revocations, blocked persons, grants, rules and its own gate.
/// The whole document is sent on every change; <see cref="PolicyVersion"/> tells whether anything changed.
/// </summary>
/// <param name="Closures">The periods zones are closed to entries (blocked rooms); empty from servers that have none, absent from older ones.</param>
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
    IReadOnlyList<ZoneRuleEntry> Rules,
    IReadOnlyList<ZoneClosureEntry>? Closures = null)
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
        Closures = new ZoneClosures((Closures ?? []).Select(c => new ZoneClosedPeriod(c.Zone, c.From, c.Until))),
    };

    private static byte[]? TryBase64(string text)
    {
        var buffer = new byte[(text.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }
}
