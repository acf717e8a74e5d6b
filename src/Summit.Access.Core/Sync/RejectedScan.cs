namespace Summit.Access.Core.Sync;

/// <summary>A journal entry the server cannot record (no nonce, an unknown reason, a time far in the future); the device drops it.</summary>
public sealed record RejectedScan(Guid Nonce, string Code, string Message);
