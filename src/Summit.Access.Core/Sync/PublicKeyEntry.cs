namespace Summit.Access.Core.Sync;

public sealed record PublicKeyEntry(uint KeyId, string PublicKey, KeyStatus Status);
