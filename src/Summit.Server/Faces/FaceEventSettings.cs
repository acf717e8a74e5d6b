namespace Summit.Server.Faces;

/// <summary>The face settings an admin set for one event; none stored means Summit:Faces' defaults apply (ADR 0013).</summary>
public sealed class FaceEventSettings
{
    public Guid EventId { get; set; }
    public double Threshold { get; set; }
    public int RetentionDays { get; set; }

    /// <summary>How far a face lane's best match must lie ahead of the second best; null keeps Summit:Faces' default.</summary>
    public double? Margin { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}
