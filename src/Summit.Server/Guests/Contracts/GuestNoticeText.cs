namespace Summit.Server.Guests.Contracts;

/// <summary>A mail another module writes to a guest, in the guest's language: its subject and its paragraphs (plain text).</summary>
public sealed record GuestNoticeText(string Subject, IReadOnlyList<string> Paragraphs);
