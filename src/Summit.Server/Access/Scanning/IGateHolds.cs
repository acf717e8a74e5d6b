using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Access.Scanning;

/// <summary>
/// The lanes another module has put on hold (screening: a fever reading at the gate). Access defines this point and knows no
/// implementation: the scan processor asks every registered one, inside each batch's transaction, and refuses entries at a held
/// gate with <see cref="Summit.Access.Core.ReasonCode.ScreeningHold"/>; <see cref="GateHoldWatch"/> asks it what to tell the
/// gate agents, which decide on their own.
/// </summary>
public interface IGateHolds
{
    /// <summary>Which of these gates are held now; read through the batch's own context, so it sees what its transaction sees.</summary>
    Task<IReadOnlySet<Guid>> HeldAmongAsync(SummitDbContext db, IReadOnlyCollection<Guid> gateIds, CancellationToken ct);

    /// <summary>Every held gate now, with when its hold was raised, and the gates that can be held at all (the watched ones).</summary>
    Task<GateHoldStates> StatesAsync(SummitDbContext db, CancellationToken ct);
}
