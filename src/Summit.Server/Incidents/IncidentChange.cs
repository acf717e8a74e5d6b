namespace Summit.Server.Incidents;

/// <summary>What open pages hear about: an incident changed, and which users got a bell entry for it.</summary>
public sealed record IncidentChange(Guid IncidentId, int Number, IReadOnlyList<string> NotifiedUserIds);
