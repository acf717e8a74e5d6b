using System.Globalization;
using Summit.Server.Infrastructure.Cluster;
using Summit.Server.Screening.Contracts;

namespace Summit.Server.Screening;

/// <summary>
/// Tells live pages of every server process (the screening page, the dashboard) about screening changes once they are committed:
/// counts only, the pages read the rest again.
/// </summary>
public sealed class ScreeningLiveFeed(ClusterSignals signals, ILogger<ScreeningLiveFeed> logger)
    : RelayedFeed<ScreeningChange>(signals, Topic, logger), IScreeningChanges
{
    public const string Topic = "screening.changed";

    protected override bool IsEmpty(ScreeningChange change) => change is { Stored: 0, Refused: 0, HoldsRaised: 0, HoldDecided: false };

    protected internal override IEnumerable<string> Encode(ScreeningChange change) =>
        [string.Join(',', new[] { change.Stored, change.Refused, change.HoldsRaised, change.HoldDecided ? 1 : 0 }
            .Select(n => n.ToString(CultureInfo.InvariantCulture)))];

    protected internal override ScreeningChange? Decode(string payload)
    {
        var f = payload.Split(',');
        return f.Length == 4 && int.TryParse(f[0], CultureInfo.InvariantCulture, out var stored) && int.TryParse(f[1], CultureInfo.InvariantCulture, out var refused)
            && int.TryParse(f[2], CultureInfo.InvariantCulture, out var raised) && f[3] is "0" or "1"
            ? new ScreeningChange(stored, refused, raised, f[3] == "1")
            : null;
    }
}
