namespace Summit.Access.Core.Sync;

/// <summary>An online scan. The nonce is chosen by the device: the same nonce twice is one scan.</summary>
/// <param name="ScannedAt">When the code was read; the server's receipt time when absent.</param>
/// <param name="Direction">The lane that read the code, for a two-way gate; entry when absent.</param>
public sealed record DeviceScanRequest(Guid Nonce, string Code, DateTimeOffset? ScannedAt = null, GateDirection? Direction = null);
