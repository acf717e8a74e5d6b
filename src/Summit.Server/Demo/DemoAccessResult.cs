namespace Summit.Server.Demo;

/// <summary>What the access part of the demo made, for the banner.</summary>
/// <param name="Sample">An accredited VIP who has not arrived yet (null when the demo has none), whose code the banner prints to try
/// at the gate agent; the live morning keeps them out.</param>
internal sealed record DemoAccessResult(int Zones, int Gates, int Devices, int Credentials, int Reissued, int Blocked, int Scans,
    IReadOnlyList<(string Zone, int Inside)> Inside, DateOnly ValidFrom, DateOnly ValidUntil, Guid? Sample);
