using System.Globalization;
using Summit.Server.Incidents.Contracts;
using Summit.Server.Infrastructure.Cluster;

namespace Summit.Server.Incidents;

/// <summary>
/// Pushes incident changes to the open pages of every server process (the bell in the app bar, the incident pages, the dashboard).
/// A change travels with the incident's id and number and the ids of the users who got a bell entry: pages read the rest again.
/// </summary>
public sealed class IncidentFeed(ClusterSignals signals, ILogger<IncidentFeed> logger)
    : RelayedFeed<IncidentChange>(signals, Topic, logger), IIncidentChanges
{
    public const string Topic = "incidents.changed";

    /// <summary>User ids are short (a GUID as text, escaped): 100 stay well inside <see cref="ClusterSignals.MaxPayloadLength"/>.</summary>
    private const int UsersPerRelay = 100;

    IDisposable IIncidentChanges.Subscribe(Func<Guid, Task> changed) => Subscribe(change => changed(change.IncidentId));

    protected internal override IEnumerable<string> Encode(IncidentChange change)
    {
        var head = change.IncidentId.ToString("N") + "," + change.Number.ToString(CultureInfo.InvariantCulture);
        if (change.NotifiedUserIds.Count == 0)
        {
            return [head];
        }

        // Escaped, an id has no comma, quote or backslash, whatever the identity store made it of.
        return change.NotifiedUserIds.Chunk(UsersPerRelay).Select(users => head + "," + string.Join(',', users.Select(Uri.EscapeDataString)));
    }

    protected internal override IncidentChange? Decode(string payload)
    {
        var fields = payload.Split(',');
        return fields.Length >= 2 && Guid.TryParseExact(fields[0], "N", out var id) && int.TryParse(fields[1], CultureInfo.InvariantCulture, out var number)
            ? new IncidentChange(id, number, [.. fields.Skip(2).Select(Uri.UnescapeDataString)])
            : null;
    }
}
