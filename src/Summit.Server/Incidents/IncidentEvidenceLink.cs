namespace Summit.Server.Incidents;

/// <summary>A record that shows what happened: a scan, a reading, an entry conflict.</summary>
public sealed class IncidentEvidenceLink
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid IncidentId { get; set; }
    public string Kind { get; set; } = "";
    public string Reference { get; set; } = "";
    public string SummaryEn { get; set; } = "";
    public string SummaryZh { get; set; } = "";
    public DateTimeOffset AddedAt { get; set; }
}
