namespace Summit.Server.Faces;

/// <summary>A gate whose face check is switched off (a broken camera, glare, a queue): it admits on the code and the operator's look.</summary>
public sealed class FaceGateSwitch
{
    public Guid GateId { get; set; }
    public Guid EventId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}
