namespace Summit.Server.Privacy.Contracts;

/// <summary>One person to erase, and the random key their kept records carry from now on (never stored anywhere else).</summary>
public sealed record ErasureTarget(DataSubject Subject, Guid Pseudonym);
