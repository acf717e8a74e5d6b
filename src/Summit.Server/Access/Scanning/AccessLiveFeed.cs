using System.Globalization;
using Summit.Access.Core;
using Summit.Server.Access.Contracts;
using Summit.Server.Infrastructure.Cluster;

namespace Summit.Server.Access.Scanning;

/// <summary>
/// Tells live pages (the live access page, the operations dashboard) of every server process about scans as soon as they are
/// committed. Each page holds a subscription for as long as it is open. A scan travels with what a tally counts: no person, no
/// credential.
/// </summary>
public sealed class AccessLiveFeed(ClusterSignals signals, ILogger<AccessLiveFeed> logger)
    : RelayedFeed<IReadOnlyList<LiveScan>>(signals, Topic, logger), IScanFeed
{
    public const string Topic = "access.scans";

    /// <summary>About 115 characters a scan: 50 stay well inside <see cref="ClusterSignals.MaxPayloadLength"/>.</summary>
    private const int ScansPerRelay = 50;

    private const int Fields = 7;

    /// <summary>The scans a batch committed, duplicates left out (they were counted when first received).</summary>
    public void Publish(IReadOnlyList<ScanOutcome> outcomes) => Publish([.. outcomes.Select(o => new LiveScan(
        new ScanTallyItem(o.Scan.Id, o.Scan.GateId, o.Scan.ScannedAt, o.Scan.Direction, o.Scan.Admitted, o.Scan.Reason), o.Scan.ReceivedAt))]);

    protected override bool IsEmpty(IReadOnlyList<LiveScan> change) => change.Count == 0;

    protected internal override IEnumerable<string> Encode(IReadOnlyList<LiveScan> change) =>
        change.Chunk(ScansPerRelay).Select(chunk => string.Join(';', chunk.Select(s => string.Join(',',
            s.Scan.ScanId.ToString("N"), s.Scan.GateId.ToString("N"), Ticks(s.Scan.ScannedAt), ((int)s.Scan.Direction).ToString(CultureInfo.InvariantCulture),
            s.Scan.Admitted ? "1" : "0", ((int)s.Scan.Reason).ToString(CultureInfo.InvariantCulture), Ticks(s.ReceivedAt)))));

    protected internal override IReadOnlyList<LiveScan>? Decode(string payload)
    {
        var scans = new List<LiveScan>();
        foreach (var item in payload.Split(';'))
        {
            var f = item.Split(',');
            if (f.Length != Fields || !Guid.TryParseExact(f[0], "N", out var id) || !Guid.TryParseExact(f[1], "N", out var gate)
                || !TryMoment(f[2], out var scannedAt) || !int.TryParse(f[3], CultureInfo.InvariantCulture, out var direction)
                || !Enum.IsDefined((GateDirection)direction) || f[4] is not ("0" or "1")
                || !int.TryParse(f[5], CultureInfo.InvariantCulture, out var reason) || !TryMoment(f[6], out var receivedAt))
            {
                return null;
            }

            scans.Add(new LiveScan(new ScanTallyItem(id, gate, scannedAt, (GateDirection)direction, f[4] == "1", (ReasonCode)reason), receivedAt));
        }

        return scans;
    }

    private static string Ticks(DateTimeOffset moment) => moment.UtcTicks.ToString(CultureInfo.InvariantCulture);

    private static bool TryMoment(string text, out DateTimeOffset moment)
    {
        moment = default;
        if (!long.TryParse(text, CultureInfo.InvariantCulture, out var ticks) || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        moment = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }
}
