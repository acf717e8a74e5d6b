namespace Summit.Server.Faces;

/// <summary>
/// A gate marked as a face lane (the VIP fast lane, ADR 0034): it also accepts a camera frame without a code, searched among the
/// event's fast-lane templates (1:N). Marked and unmarked by security officers and admins; every gate still takes codes.
/// </summary>
public sealed class FaceLane
{
    public Guid GateId { get; set; }
    public Guid EventId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}
