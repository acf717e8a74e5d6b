namespace Summit.Server.Privacy.Contracts;

/// <summary>One field of a personal record: a stable machine name and its value (text, number, time, flag, bytes or null).</summary>
public sealed record PersonalField(string Name, object? Value);
