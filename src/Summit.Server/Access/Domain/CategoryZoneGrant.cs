namespace Summit.Server.Access.Domain;

/// <summary>The zones an accreditation category opens, on the days given (open ends: every day).</summary>
public sealed class CategoryZoneGrant
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }
    public Guid CategoryId { get; set; }
    public Guid ZoneId { get; set; }
    public DateOnly? FirstDay { get; set; }
    public DateOnly? LastDay { get; set; }
}
