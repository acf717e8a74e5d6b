using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Access.Contracts;

/// <summary>
/// The lanes another module has put on hold (screening: a fever reading at the gate), as the gate agents are to learn of them:
/// <see cref="Scanning.GateHoldWatch"/> asks every registered one what to tell the agents, which decide on their own. The
/// server's own scans are refused at a held lane by the module's <see cref="IServerGateCheck"/>.
/// </summary>
public interface IGateHolds
{
    /// <summary>Every held gate now, with when its hold was raised, and the gates that can be held at all (the watched ones).</summary>
    Task<GateHoldStates> StatesAsync(SummitDbContext db, CancellationToken ct);
}
