namespace Summit.Server.Infrastructure.Identity;

/// <summary>
/// Gate devices authenticate with their own token ("Authorization: Device &lt;token&gt;"), never as a person. The handler lives in
/// the Access module; these names let the host route the header to it and let endpoints require a device.
/// </summary>
public static class DeviceAuthentication
{
    public const string Scheme = "Device";
    public const string HeaderPrefix = "Device ";
    public const string DeviceClaim = "summit:device";

    /// <summary>The policy of every device endpoint: an enrolled, unrevoked device, whoever else asks.</summary>
    public const string Policy = "GateDevice";
}
