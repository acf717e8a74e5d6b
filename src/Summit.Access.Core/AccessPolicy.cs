namespace Summit.Access.Core;

/// <summary>Everything a gate decides by that changes only with a sync: one event's keys, lists, grants and rules.</summary>
public sealed class AccessPolicy
{
    /// <summary>Credentials of other events are refused as <see cref="ReasonCode.ZoneNotGranted"/>.</summary>
    public required uint EventId { get; init; }

    /// <summary>The event's time zone: days of grants and daily resets are event-local.</summary>
    public required TimeZoneInfo TimeZone { get; init; }

    public required IPublicKeyRing Keys { get; init; }

    public required IRevocationSet Revocations { get; init; }

    public required IZoneGrants Grants { get; init; }

    public required ZoneRules Rules { get; init; }

    /// <summary>The periods in which zones are closed to entries (a blocked room's zone); none unless given.</summary>
    public ZoneClosures Closures { get; init; } = ZoneClosures.None;
}
