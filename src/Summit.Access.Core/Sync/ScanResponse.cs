namespace Summit.Access.Core.Sync;

/// <summary>The server's answer to a scan.</summary>
/// <param name="Duplicate">True when the nonce was seen before: this is the first answer again, nothing new was recorded.</param>
public sealed record ScanResponse(Guid ScanId, Guid Nonce, bool Admitted, ReasonCode Reason, int ReasonNumber, string Message,
    string MessageZh, GateDirection Direction, DateTimeOffset ScannedAt, DateTimeOffset ReceivedAt, HolderCard? Holder, bool Duplicate);
