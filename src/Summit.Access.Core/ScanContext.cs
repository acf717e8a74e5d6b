namespace Summit.Access.Core;

/// <summary>
/// A verified scan as the checks see it: the credential's signature is genuine and its key known.
/// </summary>
public readonly struct ScanContext
{
    public ScanContext(in CredentialPayload credential, DateTimeOffset now, in Gate gate, AccessPolicy policy, IPresenceState presence,
        FaceComparison? face = null)
    {
        Face = face;
        Credential = credential;
        Now = now;
        Gate = gate;
        Policy = policy;
        Presence = presence;
        Rule = policy.Rules.For(gate.Zone);
        LocalDay = AccessDay.LocalDay(now, policy.TimeZone);
        AccessDayStart = AccessDay.Start(now, policy.TimeZone, Rule.DailyReset);
    }

    public CredentialPayload Credential { get; }

    public DateTimeOffset Now { get; }

    public Gate Gate { get; }

    public AccessPolicy Policy { get; }

    public IPresenceState Presence { get; }

    /// <summary>The rule of the gate's zone.</summary>
    public ZoneRule Rule { get; }

    /// <summary>Event-local calendar day of the scan (grants by day use it).</summary>
    public DateOnly LocalDay { get; }

    /// <summary>The last daily reset of the gate's zone at or before now: presence and counts before it are forgotten.</summary>
    public DateTimeOffset AccessDayStart { get; }

    /// <summary>The lane's frame compared with the holder's template before the decision; null when no comparison was made.</summary>
    public FaceComparison? Face { get; }

    public bool IsEntry => Gate.Direction == GateDirection.Entry;
}
