namespace Summit.Access.Core.Sync;

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
