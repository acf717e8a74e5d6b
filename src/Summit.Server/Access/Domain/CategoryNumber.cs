namespace Summit.Server.Access.Domain;

/// <summary>The short number a category carries in credentials (uint16), assigned once per category.</summary>
public sealed class CategoryNumber
{
    public Guid CategoryId { get; set; }
    public Guid EventId { get; set; }
    public int Number { get; set; }
}
