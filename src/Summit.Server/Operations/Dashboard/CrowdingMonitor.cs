namespace Summit.Server.Operations.Dashboard;

/// <summary>
/// One crowding incident per episode: a zone that goes above <see cref="RaiseAbove"/> of its capacity raises once, and only
/// re-arms when it falls under <see cref="RearmBelow"/>, so a count that wobbles around 90% does not raise an incident per scan.
/// Not thread-safe: the dashboard observes zones from one refresh at a time.
/// </summary>
public sealed class CrowdingMonitor(double raiseAbove = ZoneLoad.CrowdedAbove, double rearmBelow = CrowdingMonitor.DefaultRearmBelow)
{
    public const double DefaultRearmBelow = 0.85;

    private readonly HashSet<Guid> _crowded = [];

    public double RaiseAbove { get; } = raiseAbove;
    public double RearmBelow { get; } = rearmBelow;

    public bool IsCrowded(Guid zoneId) => _crowded.Contains(zoneId);

    /// <summary>Takes a zone's load now (null: no capacity, never crowded) and says whether an episode starts or ends.</summary>
    public CrowdingChange Observe(Guid zoneId, double? load)
    {
        if (!_crowded.Contains(zoneId))
        {
            if (load > RaiseAbove)
            {
                _crowded.Add(zoneId);
                return CrowdingChange.Raised;
            }

            return CrowdingChange.None;
        }

        if (load is null || load < RearmBelow)
        {
            _crowded.Remove(zoneId);
            return CrowdingChange.Cleared;
        }

        return CrowdingChange.None;
    }

    /// <summary>Forgets an episode whose incident could not be raised, so the next observation tries again.</summary>
    public void Rearm(Guid zoneId) => _crowded.Remove(zoneId);
}
