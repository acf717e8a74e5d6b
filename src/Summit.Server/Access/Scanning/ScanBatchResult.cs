using Summit.Access.Core.Sync;
using Summit.Server.Access.Domain;

namespace Summit.Server.Access.Scanning;

/// <summary>What a batch's decision says to write, in the batch's transaction, and to answer.</summary>
internal sealed class ScanBatchResult
{
    /// <summary>One per scan of the batch, in its order.</summary>
    public List<SettledScan> Settled { get; } = [];

    /// <summary>The new scans to record.</summary>
    public List<Scan> Recorded { get; } = [];

    /// <summary>The presence rows the batch moved, each once, with whether it is new.</summary>
    public List<(ZonePresence Row, bool IsNew)> Moved { get; } = [];

    /// <summary>Accredited guests whose first admitted entry this is: they have arrived.</summary>
    public HashSet<Guid> Arrivals { get; } = [];

    /// <summary>Offline double entries found, with the gate whose upload found each.</summary>
    public List<(EntryConflict Conflict, GateInfo Gate)> Conflicts { get; } = [];

    /// <summary>Uploaded admissions the server does not confirm, with their gate.</summary>
    public List<(Scan Scan, GateInfo Gate)> Disputes { get; } = [];
}
