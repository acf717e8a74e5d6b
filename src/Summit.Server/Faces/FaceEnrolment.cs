namespace Summit.Server.Faces;

/// <summary>
/// A consenting guest's face enrolment: at most one per guest. The template (128 floats, 512 bytes) is stored only encrypted with the
/// field protector, like passports and photos; the row is deleted when consent is withdrawn, the guest is erased, or the event's
/// face retention ends.
/// </summary>
public sealed class FaceEnrolment
{
    public Guid GuestId { get; set; }
    public Guid EventId { get; set; }
    public FaceEnrolmentState State { get; set; }
    public FaceEnrolmentSource Source { get; set; }

    /// <summary>The descriptor's bytes encrypted; null unless <see cref="State"/> is Enrolled.</summary>
    public byte[]? EncryptedTemplate { get; set; }

    /// <summary>The quality check's issue codes ("face.turned face.blurred") when refused; empty otherwise.</summary>
    public string Issues { get; set; } = "";

    /// <summary>
    /// The guest may pass a face lane without a code (a VIP; an explicit, audited staff action, ADR 0034). Only an enrolled template is
    /// searched; the mark goes with the row when consent is withdrawn.
    /// </summary>
    public bool FastLane { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}
