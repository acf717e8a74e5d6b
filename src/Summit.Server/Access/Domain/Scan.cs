using Summit.Access.Core;
using Summit.Server.Access.Contracts;

namespace Summit.Server.Access.Domain;

/// <summary>One read of a code at a gate, admitted or not, with the reason. Never changed once stored, except the conflict flag.</summary>
public sealed class Scan
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }

    /// <summary>Who scanned: "device:{id}" or "user:{id}"; with the nonce it makes a scan unique.</summary>
    public string Scanner { get; set; } = "";
    public Guid Nonce { get; set; }
    public Guid? DeviceId { get; set; }
    public Guid GateId { get; set; }
    public int Zone { get; set; }
    public GateDirection Direction { get; set; }
    public ScanSource Source { get; set; }

    /// <summary>Set only when the code's signature was genuine.</summary>
    public Guid? CredentialId { get; set; }
    public Guid? GuestId { get; set; }

    /// <summary>
    /// The category of the scan's credential, copied here when an erasure or the retention purge unlinks the credential, so that
    /// the closing report still counts the entry in its category; null while <see cref="CredentialId"/> says it.
    /// </summary>
    public Guid? CategoryId { get; set; }
    /// <summary>
    /// Why Summit holds the scan admitted or refused. For a scan a gate agent uploaded, the agent's verdict, unless the agent
    /// admitted and the server's own check of the upload refuses: then the server's reason (see <see cref="DeviceReason"/>).
    /// </summary>
    public ReasonCode Reason { get; set; }
    public bool Admitted { get; set; }

    /// <summary>What a gate agent said it decided, for an uploaded scan; null for scans the server decided. Differs from
    /// <see cref="Reason"/> when the server disputes the agent's admission.</summary>
    public ReasonCode? DeviceReason { get; set; }
    public DateTimeOffset ScannedAt { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>Received long after it was made (an offline gate catching up).</summary>
    public bool Late { get; set; }

    /// <summary>Part of an entry conflict: two admitted entries without an exit between them.</summary>
    public bool Conflict { get; set; }

    /// <summary>
    /// The distance between the lane's frame and the holder's face template when the server compared them (issue 14); null when
    /// no comparison was made or the frame showed no face. The frame itself is never stored.
    /// </summary>
    public double? FaceDistance { get; set; }

    /// <summary>The scan came by face at a face lane, without a code (the VIP fast lane, ADR 0034).</summary>
    public bool FaceLane { get; set; }

    /// <summary>
    /// At a face lane, how far the nearest other person's template lay behind the identified one's (the second best's distance minus
    /// <see cref="FaceDistance"/>); null when nobody was identified or there was no second.
    /// </summary>
    public double? FaceLead { get; set; }
}
