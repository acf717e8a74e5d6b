namespace Summit.Access.Core.Sync;

/// <summary>An online scan. The nonce is chosen by the device: the same nonce twice is one scan.</summary>
/// <param name="ScannedAt">When the code was read; the server's receipt time when absent.</param>
/// <param name="Direction">The lane that read the code, for a two-way gate; entry when absent.</param>
/// <param name="Frame">The lane camera's frame (JPEG or PNG, base64, at most 512 KB) for the server's face check; never stored.</param>
/// <param name="Frames">
/// Instead of <paramref name="Frame"/>, a short burst of frames, oldest first (at most 5, each at most 512 KB, together at most 640 KB),
/// for a gate that requires a live face (ADR 0035): the first is compared with the holder's template, all are judged for a head turn.
/// </param>
public sealed record DeviceScanRequest(Guid Nonce, string Code, DateTimeOffset? ScannedAt = null, GateDirection? Direction = null, string? Frame = null,
    IReadOnlyList<string>? Frames = null);
