namespace Summit.Server.Programme;

/// <summary>One item of a session's running order (a keynote, the signing itself), with its titles and, if known, its minutes.</summary>
public sealed class SessionItem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SessionId { get; set; }
    public int Position { get; set; }
    public string TitleEn { get; set; } = "";
    public string TitleZh { get; set; } = "";
    public int? Minutes { get; set; }
}
