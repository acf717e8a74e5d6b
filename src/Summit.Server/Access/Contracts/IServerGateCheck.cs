using Summit.Access.Core;
using Summit.Access.Core.Sync;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Access.Contracts;

/// <summary>
/// A check the server makes at its gates on top of the credential's own (<see cref="GateDecision.StandardChecks"/>), registered
/// by the module that owns what it checks: the screening hold (Screening); the face check of issue 14 is to be the next. Access
/// names no implementation. For each batch of scans the server decides, the scan processor asks every registered check, in
/// <see cref="Order"/>, to read what it needs through the batch's context, inside its transaction; the batch decision then runs
/// the pure checks they return after the standard ones, and the first refusal wins. A gate agent's upload is not checked again:
/// it was decided at the gate.
/// </summary>
public interface IServerGateCheck
{
    /// <summary>The check's place among the server's checks, lowest first: when two refuse a scan, the earlier one's reason is recorded.</summary>
    int Order { get; }

    /// <summary>The check for one batch: pure and thread-safe, like every check of the pipeline.</summary>
    /// <param name="gates">The gates of the batch's scans the server decides; a <see cref="ScanContext"/>'s <c>Gate.Id</c> is a gate's <see cref="GateInfo.Number"/>.</param>
    Task<IGateCheck> ForBatchAsync(SummitDbContext db, IReadOnlyCollection<GateInfo> gates, CancellationToken ct);
}
