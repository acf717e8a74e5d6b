namespace Summit.Server.Demo;

/// <summary>What the access part of the demo made, for the banner.</summary>
/// <param name="SampleCode">The code of an accredited VIP who has not arrived yet (null when the demo has none), to try at a gate.</param>
internal sealed record DemoAccessResult(int Zones, int Gates, int Devices, int Credentials, int Reissued, int Blocked, int Scans,
    IReadOnlyList<(string Zone, int Inside)> Inside, DateOnly ValidFrom, DateOnly ValidUntil, string AgentGate, string AgentTokenFile,
    string AgentDataDirectory, string? SampleCode, string? SampleHolder);
