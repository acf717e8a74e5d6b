namespace Summit.Server.Privacy.Contracts;

/// <summary>Why a person's data cannot be erased now: a stable code with the values of its message ("privacy.hold.{code}").</summary>
public sealed record LegalHold(Guid PersonId, string Area, string Code, IReadOnlyList<object> Args);
