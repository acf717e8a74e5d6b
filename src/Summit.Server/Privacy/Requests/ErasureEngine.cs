using Summit.Server.Privacy.Contracts;

namespace Summit.Server.Privacy;

/// <summary>
/// Runs the modules' holders for an erasure: asks for the records others may point to, then the legal holds, then erases the
/// persons nothing holds, each under a fresh random pseudonym known only to this run. The caller owns the transaction.
/// </summary>
public sealed class ErasureEngine(IEnumerable<IPersonalDataHolder> holders, TimeProvider clock)
{
    public IReadOnlyList<IPersonalDataHolder> Holders { get; } = [.. holders];

    public async Task<(ErasureScope Scope, List<HeldPerson> Held)> PrepareAsync(Guid eventId, IReadOnlyList<DataSubject> subjects, ErasureCause cause,
        CancellationToken ct, DateTimeOffset? cutoff = null)
    {
        var references = await ReferencesAsync([.. subjects.Select(s => s.PersonId)], ct);
        var holds = new List<LegalHold>();
        foreach (var holder in Holders)
        {
            holds.AddRange(await holder.HoldsAsync(subjects, references, cause, ct));
        }

        var byPerson = holds.ToLookup(h => h.PersonId);
        var held = subjects.Where(s => byPerson[s.PersonId].Any()).Select(s => new HeldPerson(s.PersonId, s.DisplayName, [.. byPerson[s.PersonId]])).ToList();
        var heldIds = held.Select(h => h.PersonId).ToHashSet();
        // A random key, not derived from anything: once the run ends nothing can tie it back to the person.
        var targets = subjects.Where(s => !heldIds.Contains(s.PersonId)).Select(s => new ErasureTarget(s, Guid.NewGuid())).ToList();
        var targetIds = targets.Select(t => t.Subject.PersonId).ToHashSet();
        return (new ErasureScope(eventId, cause, targets, [.. references.Where(r => targetIds.Contains(r.PersonId))], clock.GetUtcNow(), cutoff), held);
    }

    public async Task<List<DataCount>> EraseAsync(ErasureScope scope, bool dryRun, CancellationToken ct)
    {
        var counts = new List<DataCount>();
        if (scope.Targets.Count == 0)
        {
            return counts;
        }

        foreach (var holder in Holders)
        {
            counts.AddRange(await holder.EraseAsync(scope, dryRun, ct));
        }

        return counts;
    }

    public async Task<List<DataCount>> PurgeEventAsync(EventPurgeScope scope, bool dryRun, CancellationToken ct)
    {
        var counts = new List<DataCount>();
        foreach (var holder in Holders)
        {
            counts.AddRange(await holder.PurgeEventAsync(scope, dryRun, ct));
        }

        return counts;
    }

    /// <summary>One line per module, kind and action, in the holders' order; kinds with nothing to do are left out.</summary>
    public static List<DataCount> Summarize(IEnumerable<DataCount> counts) =>
        [.. counts.GroupBy(c => (c.Area, c.Kind, c.Action)).Select(g => new DataCount(g.Key.Area, g.Key.Kind, g.Key.Action, g.Sum(c => c.Count)))
            .Where(c => c.Count > 0)];

    /// <summary>What the holders say of these persons' records that other modules' records may point to.</summary>
    public async Task<List<PersonReference>> ReferencesAsync(IReadOnlyList<Guid> personIds, CancellationToken ct)
    {
        var references = new List<PersonReference>();
        foreach (var holder in Holders)
        {
            references.AddRange(await holder.ReferencesAsync(personIds, ct));
        }

        return references;
    }
}
