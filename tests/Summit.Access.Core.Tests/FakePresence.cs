namespace Summit.Access.Core.Tests;

/// <summary>Presence as a gate would keep it: admitted scans are recorded.</summary>
internal sealed class FakePresence : IPresenceState
{
    private readonly List<(Guid Credential, int Zone, DateTimeOffset At, GateDirection Direction)> _moves = [];

    public int Count => _moves.Count;

    public void Record(Guid credentialId, int zone, DateTimeOffset at, GateDirection direction) => _moves.Add((credentialId, zone, at, direction));

    /// <summary>Decides with the standard pipeline and records the movement when admitted, like a gate.</summary>
    public Verdict Scan(string text, DateTimeOffset now, Gate gate, AccessPolicy policy)
    {
        var verdict = GateDecision.Decide(text, now, gate, policy, this);
        if (verdict.Admitted)
        {
            Record(verdict.CredentialId!.Value, gate.Zone, now, gate.Direction);
        }
        return verdict;
    }

    public bool IsInside(Guid credentialId, int zone) =>
        _moves.FindLast(m => m.Credential == credentialId && m.Zone == zone) is var last
        && last.Credential == credentialId && last.Direction == GateDirection.Entry;

    public DateTimeOffset? LastEntry(Guid credentialId, int zone) =>
        _moves.Where(m => m.Credential == credentialId && m.Zone == zone && m.Direction == GateDirection.Entry)
            .Select(m => (DateTimeOffset?)m.At).LastOrDefault();

    public int EntriesSince(Guid credentialId, int zone, DateTimeOffset since) =>
        _moves.Count(m => m.Credential == credentialId && m.Zone == zone && m.Direction == GateDirection.Entry && m.At >= since);

    public int PeopleInside(int zone, DateTimeOffset since) =>
        _moves.Select(m => m.Credential).Distinct().Count(c => IsInside(c, zone) && LastEntry(c, zone) >= since);
}
