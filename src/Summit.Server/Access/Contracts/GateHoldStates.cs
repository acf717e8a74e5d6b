namespace Summit.Server.Access.Contracts;

/// <param name="HeldSince">Each held gate and when its open hold was raised.</param>
/// <param name="Watched">The gates a hold can come from (an active sensor watches them).</param>
public sealed record GateHoldStates(IReadOnlyDictionary<Guid, DateTimeOffset> HeldSince, IReadOnlySet<Guid> Watched)
{
    public static GateHoldStates None { get; } = new(new Dictionary<Guid, DateTimeOffset>(), new HashSet<Guid>());
}
