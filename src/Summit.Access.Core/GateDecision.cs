namespace Summit.Access.Core;

/// <summary>The standard gate decision.</summary>
public static class GateDecision
{
    /// <summary>The standard checks in their order; later issues insert theirs into a copy of this list.</summary>
    public static IReadOnlyList<IGateCheck> StandardChecks { get; } =
    [
        GateChecks.GateOpen,
        GateChecks.SameEvent,
        GateChecks.NotRevoked,
        GateChecks.NotBlocked,
        GateChecks.ValidNow,
        GateChecks.ZoneGranted,
        GateChecks.ZoneNotClosed,
        GateChecks.AntiPassback,
        GateChecks.DailyLimit,
        GateChecks.ZoneCapacity,
        GateChecks.NotHeld,
    ];

    public static GatePipeline Standard { get; } = new(StandardChecks);

    /// <inheritdoc cref="GatePipeline.Decide"/>
    public static Verdict Decide(ReadOnlySpan<char> scannedText, DateTimeOffset now, in Gate gate, AccessPolicy policy, IPresenceState presence) =>
        Standard.Decide(scannedText, now, gate, policy, presence);
}
