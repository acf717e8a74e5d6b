using Summit.Server.Demo.Live;

namespace Summit.Tests.Demo;

/// <summary>What the live morning did, for the tests that check it.</summary>
/// <param name="Seeded">The scans the demo was created with, before the morning.</param>
public sealed record DemoMorning(HashSet<Guid> Seeded, int ArrivedBefore, int CrowdTarget, bool Finished, DemoLiveStats Stats, DateTimeOffset? ClearedAt,
    Guid? ClearedGate);
