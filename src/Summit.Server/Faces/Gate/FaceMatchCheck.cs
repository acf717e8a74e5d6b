using Summit.Access.Core;
using Summit.Access.Core.Sync;
using Summit.Server.Access.Contracts;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Faces.Gate;

/// <summary>
/// The face check among the server's gate checks: an entry whose frame did not match the holder's template is refused with
/// <see cref="ReasonCode.FaceMismatch"/> (an operator checks the person). The comparison was made before the batch
/// (<see cref="FaceFrameComparer"/>), so this reads nothing; a scan without a comparison (no frame, no template, faces off) passes.
/// </summary>
public sealed class FaceMatchCheck : IServerGateCheck
{
    /// <summary>The same pure check the gate agent runs offline.</summary>
    private static readonly IGateCheck Check = GateChecks.FaceMatches;

    /// <summary>After the screening hold (100): a held lane's refusal says why the person waits, whatever the face.</summary>
    public int Order => 200;

    public Task<IGateCheck> ForBatchAsync(SummitDbContext db, IReadOnlyCollection<GateInfo> gates, CancellationToken ct) => Task.FromResult(Check);
}
