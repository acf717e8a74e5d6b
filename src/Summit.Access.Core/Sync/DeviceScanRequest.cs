namespace Summit.Access.Core.Sync;

/// <summary>An online scan. The nonce is chosen by the device: the same nonce twice is one scan.</summary>
/// <param name="ScannedAt">When the code was read; the server's receipt time when absent.</param>
/// <param name="Direction">The lane that read the code, for a two-way gate; entry when absent.</param>
/// <param name="Frame">The lane camera's frame (JPEG or PNG, base64, at most 512 KB) for the server's face check; never stored.</param>
public sealed record DeviceScanRequest(Guid Nonce, string Code, DateTimeOffset? ScannedAt = null, GateDirection? Direction = null, string? Frame = null);
