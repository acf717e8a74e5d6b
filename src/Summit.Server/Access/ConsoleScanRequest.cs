using Summit.Access.Core;

namespace Summit.Server.Access;

/// <summary>A scan at a staffed console: the operator's browser sends the code a USB scanner or the camera read.</summary>
public sealed record ConsoleScanRequest(Guid Nonce, string Code, GateDirection? Direction = null);
