namespace Summit.Server.Programme;

/// <summary>A forum of the programme: its titles in both languages, the partner organizing it and its sector or topic.</summary>
public sealed class Forum
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }
    public ForumKind Kind { get; set; }
    public string TitleEn { get; set; } = "";
    public string TitleZh { get; set; } = "";

    /// <summary>The organizing partner, as it writes its own name (not translated).</summary>
    public string Partner { get; set; } = "";

    /// <summary>The sector or topic ("Digital economy"), for grouping the sub-forums.</summary>
    public string Sector { get; set; } = "";
    public int SortOrder { get; set; }
}
