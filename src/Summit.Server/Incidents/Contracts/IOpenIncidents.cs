namespace Summit.Server.Incidents.Contracts;

/// <summary>The incidents not yet resolved, as a wall screen shows them (the operations dashboard's incident panel). Scoped.</summary>
public interface IOpenIncidents
{
    /// <summary>Every incident not resolved or closed, with when its SLA runs out: the most severe first, then the newest.</summary>
    Task<IReadOnlyList<OpenIncidentItem>> ListAsync(CancellationToken ct = default);
}
