namespace Summit.Server.Programme.Sessions;

/// <summary>One item of a session's running order, in the order given.</summary>
public sealed record ItemInput(string TitleEn, string TitleZh, int? Minutes = null);
