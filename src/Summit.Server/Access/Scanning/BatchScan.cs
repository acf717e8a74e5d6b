using Summit.Access.Core;

namespace Summit.Server.Access.Scanning;

/// <summary>One scan of a batch as the decision sees it.</summary>
/// <param name="ReceivedAt">When the server received it: an online scan is decided at this time.</param>
/// <param name="Identity">The code decoded and its signature checked against the batch's snapshot; null when it does not decode.</param>
/// <param name="Face">The scan's frame compared with the holder's template (<see cref="Contracts.IGateFrameComparer"/>, or the face lane's
/// best match); null when not compared.</param>
/// <param name="Lane">A face lane's 1:N search (<see cref="Contracts.IGateFaceSearch"/>) when the scan came by face, without a code.</param>
internal sealed record BatchScan(ScanWork Work, DateTimeOffset ReceivedAt, ScanIdentity? Identity, FaceComparison? Face = null,
    Contracts.FaceLaneSearch? Lane = null);
