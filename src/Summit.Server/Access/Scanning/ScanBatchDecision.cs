using Summit.Access.Core;
using Summit.Access.Core.Sync;
using Summit.Server.Access.Contracts;
using Summit.Server.Access.Domain;
using Summit.Server.Access.Policy;
using Summit.Server.Guests.Contracts;

namespace Summit.Server.Access.Scanning;

/// <summary>
/// The decision for one batch of scans, without I/O: from what <see cref="ScanProcessor"/> read in the batch's transaction (the
/// policy snapshot, the scans already recorded, the presence rows of the batch's credentials and the counts of hard-capacity
/// zones, the day's movements of uploaded credentials, the holders' cards, the server's gate checks for the batch) it decides every scan in the batch's
/// order, each at the time it is given, and says what to write and answer. It reads no database and no clock, so it is tested
/// without either.
/// </summary>
internal sealed class ScanBatchDecision
{
    private readonly AccessSnapshot _snapshot;
    private readonly Dictionary<(string Scanner, Guid Nonce), Scan> _known;
    private readonly Dictionary<(Guid Credential, int Zone), ZonePresence> _presence;
    private readonly PresenceBook _book = new();
    private readonly EntryConflictCheck _conflicts;
    private readonly GatePipeline _online;
    private readonly IReadOnlyDictionary<Guid, GuestCard> _cards;

    /// <param name="known">Scans of the batch's scanners and nonces already recorded (a device sent one again).</param>
    /// <param name="presence">The presence rows of the batch's credentials, as read; moved rows are changed in place.</param>
    /// <param name="insideElsewhere">For each hard-capacity zone the batch's online entries go into: how many people are inside
    /// besides the batch's credentials.</param>
    /// <param name="online">The pipeline online scans are decided by: the standard checks, then the server's gate checks
    /// (<see cref="Contracts.IServerGateCheck"/>) as they stand for this batch.</param>
    /// <param name="cards">The holders of the batch's genuine codes.</param>
    public ScanBatchDecision(AccessSnapshot snapshot, IEnumerable<Scan> known, IEnumerable<ZonePresence> presence,
        IReadOnlyDictionary<int, int> insideElsewhere, EntryConflictCheck conflicts, GatePipeline online,
        IReadOnlyDictionary<Guid, GuestCard> cards)
    {
        _snapshot = snapshot;
        _known = known.ToDictionary(s => (s.Scanner, s.Nonce));
        _presence = presence.ToDictionary(r => (r.CredentialId, r.Zone));
        foreach (var row in _presence.Values)
        {
            _book.Set(row.CredentialId, row.Zone, new ZoneMovements(row.Inside, row.LastEntryAt, row.LastExitAt, row.DayStart, row.EntriesInDay));
        }

        foreach (var (zone, inside) in insideElsewhere)
        {
            _book.SetInsideElsewhere(zone, inside);
        }

        _conflicts = conflicts;
        _online = online;
        _cards = cards;
    }

    /// <summary>
    /// The zones with a hard capacity that the batch's online entries go into, in number order: the processor locks and counts them
    /// before deciding.
    /// </summary>
    public static int[] HardCapacityZones(IEnumerable<ScanWork> works, AccessSnapshot snapshot) =>
        works.Where(w => w.AgentReason is null && w.Direction == GateDirection.Entry)
            .Select(w => snapshot.Gates.TryGetValue(w.Gate.Id, out var gate) ? gate.Zone : w.Gate.Zone)
            .Where(zone => snapshot.Policy.Rules.For(zone).MaxInside > 0).Distinct().Order().ToArray();

    /// <summary>Decides the batch's scans in order: each sees the presence the ones before it left.</summary>
    public ScanBatchResult Decide(IReadOnlyList<BatchScan> batch)
    {
        var result = new ScanBatchResult();
        var moved = new Dictionary<(Guid, int), (ZonePresence Row, bool IsNew)>();
        foreach (var (work, receivedAt, identity, face, lane) in batch)
        {
            if (_known.TryGetValue((work.Scanner, work.Nonce), out var first))
            {
                result.Settled.Add(new SettledScan(Outcome(first, duplicate: true, null), null));
                continue;
            }

            var (current, refusal) = CurrentGate(work);
            if (current is not { } gate)
            {
                result.Settled.Add(new SettledScan(null, refusal));
                continue;
            }

            var scan = Decide(work, gate, receivedAt, identity, face, lane);
            result.Recorded.Add(scan);
            _known[(work.Scanner, work.Nonce)] = scan;
            if (scan.DeviceReason is { } claimed && claimed != scan.Reason)
            {
                result.Disputes.Add((scan, gate));
            }

            EntryConflict? conflict = null;
            if (scan.Admitted && scan.CredentialId is { } credentialId)
            {
                var rule = _snapshot.Policy.Rules.For(scan.Zone);
                var dayStart = AccessDay.Start(scan.ScannedAt, _snapshot.TimeZone, rule.DailyReset);
                if (work.AgentReason is not null && scan.Direction == GateDirection.Entry)
                {
                    conflict = _conflicts.Find(scan, rule, dayStart);
                    if (conflict is not null)
                    {
                        result.Conflicts.Add((conflict, gate));
                    }
                }

                _conflicts.Add(scan);
                var movements = _book.Record(credentialId, scan.Zone, scan.Direction, scan.ScannedAt, dayStart);
                StorePresence(moved, scan, movements, receivedAt);
                if (scan.Direction == GateDirection.Entry && scan.GuestId is { } guestId && _cards.TryGetValue(guestId, out var card)
                    && card.Status == GuestStatus.Accredited)
                {
                    result.Arrivals.Add(guestId);
                }
            }

            result.Settled.Add(new SettledScan(Outcome(scan, duplicate: false, conflict), null));
        }

        result.Moved.AddRange(moved.Values);
        return result;
    }

    /// <summary>
    /// The scan's gate as this batch's snapshot has it. The endpoint may have resolved the gate from an older snapshot (it reads
    /// none of its own for an online scan): whether the gate is open, still exists and allows the direction is decided here.
    /// </summary>
    private (GateInfo? Gate, SummitException? Refusal) CurrentGate(ScanWork work)
    {
        if (!_snapshot.Gates.TryGetValue(work.Gate.Id, out var gate))
        {
            return (null, new SummitException(work.DeviceId is null ? SummitError.NotFound(AccessErrors.GateNotFound, work.Gate.Id)
                : SummitError.Conflict(AccessErrors.DeviceGateUnknown)));
        }

        // A device's journal says which way the person went, whatever the lane allows now.
        return work.AgentReason is null && gate.Resolve(work.Direction) != work.Direction
            ? (null, new SummitException(SummitError.Of(AccessErrors.ScanDirectionNotAllowed, work.Direction, gate.Code)))
            : (gate, null);
    }

    private Scan Decide(ScanWork work, GateInfo gate, DateTimeOffset receivedAt, ScanIdentity? identity, FaceComparison? face, FaceLaneSearch? lane)
    {
        ReasonCode reason;
        DateTimeOffset scannedAt;
        if (work.AgentReason is { } decided)
        {
            // The agent decided offline with what it knew: its verdict is what happened at the gate, unless it admitted what the
            // server's own check refuses. Then the server's reason is recorded (the agent's claim beside it), and nobody moves.
            scannedAt = (work.ScannedAt ?? receivedAt).ToUniversalTime();
            reason = decided.Admits() && UploadReview.Check(identity?.Payload, identity?.Signature ?? SignatureCheck.BadSignature, gate, work.Direction, scannedAt,
                _snapshot) is var found && !found.Admits() ? found : decided;
        }
        else
        {
            // Online, the server's clock decides: a device clock may be wrong, and a code must not be valid by a device's say.
            scannedAt = receivedAt;
            // A face lane that identified nobody asks for the code (or, for a burst that was not live, for a head turn or the code); one
            // that did is decided as the person's code.
            reason = lane is { Live: false } ? ReasonCode.FaceLaneNotLive
                : lane is { HolderId: null } ? ReasonCode.FaceLaneNoMatch
                : identity is not { } id ? ReasonCode.BadFormat
                : id.Signature != SignatureCheck.Valid ? GatePipeline.ReasonOf(id.Signature)
                : _online.Check(id.Payload, receivedAt, gate.ToGate(work.Direction), _snapshot.Policy, _book, face).Reason;
        }

        // A code names a person only once its signature is genuine: forged or altered codes are recorded without identity.
        var genuine = identity is { Genuine: true } known && known.Payload.EventId == _snapshot.EventNumber ? identity : null;
        return new Scan
        {
            EventId = _snapshot.EventId,
            Scanner = work.Scanner,
            Nonce = work.Nonce,
            DeviceId = work.DeviceId,
            GateId = gate.Id,
            Zone = gate.Zone,
            Direction = work.Direction,
            Source = work.Source,
            CredentialId = genuine?.Payload.CredentialId,
            GuestId = genuine?.Payload.HolderId,
            Reason = reason,
            Admitted = reason.Admits() && genuine is not null,
            DeviceReason = work.AgentReason,
            ScannedAt = scannedAt,
            ReceivedAt = receivedAt,
            Late = work.AgentReason is not null && receivedAt - scannedAt > TimeSpan.FromSeconds(_snapshot.LateAfterSeconds),
            // An uploaded scan carries the agent's own face figures (it compared offline); an online one the server's.
            FaceDistance = genuine is null ? null : face?.Distance ?? work.AgentFace?.Distance,
            FaceLane = lane is not null || work.AgentFace?.Lane == true,
            FaceLead = genuine is null ? null : lane?.Lead ?? work.AgentFace?.Lead,
        };
    }

    /// <summary>Moves a credential's presence row in memory and notes it in <paramref name="moved"/>, to be written with the batch.</summary>
    private void StorePresence(Dictionary<(Guid, int), (ZonePresence Row, bool IsNew)> moved, Scan scan, ZoneMovements movements, DateTimeOffset now)
    {
        var key = (scan.CredentialId!.Value, scan.Zone);
        if (!_presence.TryGetValue(key, out var row))
        {
            row = new ZonePresence { CredentialId = key.Item1, Zone = scan.Zone, EventId = _snapshot.EventId, GuestId = scan.GuestId!.Value };
            _presence[key] = row;
            moved[key] = (row, true);
        }
        else
        {
            moved.TryAdd(key, (row, false));
        }

        row.Inside = movements.Inside;
        row.LastEntryAt = movements.LastEntryAt;
        row.LastExitAt = movements.LastExitAt;
        row.DayStart = movements.DayStart;
        row.EntriesInDay = movements.EntriesInDay;
        row.UpdatedAt = now;
    }

    private ScanOutcome Outcome(Scan scan, bool duplicate, EntryConflict? conflict)
    {
        var holder = scan.GuestId is { } id ? _cards.GetValueOrDefault(id) : null;
        var category = holder is null ? null : _snapshot.CategoriesByNumber.Values.FirstOrDefault(c => c.Id == holder.CategoryId);
        return new ScanOutcome(scan, duplicate, holder, category, conflict);
    }
}
