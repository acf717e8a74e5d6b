using Summit.Access.Core;

namespace Summit.Server.Access;

/// <summary>A scan at a staffed console: the operator's browser sends the code a USB scanner or the camera read.</summary>
/// <param name="Frame">The lane camera's frame (JPEG or PNG, base64, at most <see cref="Scanning.ScanFrames.MaxBytes"/>) for the face check;
/// never stored.</param>
public sealed record ConsoleScanRequest(Guid Nonce, string Code, GateDirection? Direction = null, string? Frame = null);
