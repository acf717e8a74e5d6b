using Summit.Access.Core;

namespace Summit.GateAgent;

/// <summary>The local endpoint's answer to a scan.</summary>
public sealed record LocalScanResponse(
    Guid Nonce, bool Admitted, ReasonCode Reason, int ReasonNumber, string Message, string MessageZh, string? Detail, string? DetailZh,
    ClosureCause? Closure, GateDirection Direction, DateTimeOffset ScannedAt, Guid? CredentialId, Guid? HolderId, string? Notice = null,
    string? NoticeZh = null, double? FaceDistance = null, bool FaceLane = false)
{
    public static LocalScanResponse From(GateVerdict verdict) => new(
        verdict.Nonce, verdict.Admitted, verdict.Reason, (int)verdict.Reason, verdict.Message.En, verdict.Message.Zh, verdict.Detail?.En,
        verdict.Detail?.Zh, verdict.Closure, verdict.Direction, verdict.ScannedAt, verdict.CredentialId, verdict.HolderId, verdict.Notice?.En,
        verdict.Notice?.Zh, verdict.FaceDistance, verdict.FaceLane);
}
