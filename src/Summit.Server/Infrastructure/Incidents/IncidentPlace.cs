namespace Summit.Server.Infrastructure.Incidents;

/// <summary>Where a problem is: a zone, a gate, or words when it is neither (at least one is set).</summary>
public sealed record IncidentPlace(Guid? ZoneId = null, Guid? GateId = null, string? Text = null)
{
    /// <summary>The place as one stable key, so that two reports of one cause at one place find each other.</summary>
    public string Key => GateId is { } gate ? $"gate:{gate:N}" : ZoneId is { } zone ? $"zone:{zone:N}" : $"text:{Text?.Trim().ToUpperInvariant()}";
}
