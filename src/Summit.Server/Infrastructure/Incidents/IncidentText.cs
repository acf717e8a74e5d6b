namespace Summit.Server.Infrastructure.Incidents;

/// <summary>
/// A text of an automatic incident as a catalog key and its arguments ("screening.incident.fever_title", "G-01"), stored so that
/// the incident reads in each reader's language, also after the wording in the catalog changed. The module that raises the
/// incident owns the key in its own catalog.
/// </summary>
public sealed record IncidentText(string Key, IReadOnlyList<IncidentTextArgument> Arguments)
{
    public static IncidentText Of(string key, params IncidentTextArgument[] arguments) => new(key, arguments);
}
