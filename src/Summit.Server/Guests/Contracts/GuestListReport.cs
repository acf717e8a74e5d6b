namespace Summit.Server.Guests.Contracts;

/// <summary>What an action on the selected guests did: its message, and one line per guest it refused.</summary>
public sealed record GuestListReport(string? Message, IReadOnlyList<string> Refusals);
