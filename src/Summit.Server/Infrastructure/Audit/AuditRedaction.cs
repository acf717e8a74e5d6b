using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Infrastructure.Audit;

/// <summary>
/// Takes personal details out of the audit trail when a person's data is erased, keeping the trail itself: who did what, when,
/// to which record. Entries are rewritten in the caller's unit of work; every method answers a dry run with the number of
/// entries it would change, computed the same way.
/// </summary>
public sealed partial class AuditRedaction(SummitDbContext db)
{
    private const int Batch = 500;

    /// <summary>
    /// The entries about these records (entity type and id): each moved to its new id when one is given, and every text value of
    /// its changes passed through <paramref name="rewrite"/> (with the name of the field it belongs to). Returns the entries that change.
    /// </summary>
    public async Task<int> RewriteEntitiesAsync(string entityType, IReadOnlyDictionary<string, string?> newIds, Func<string, string, string> rewrite,
        bool dryRun, CancellationToken ct)
    {
        var changed = 0;
        foreach (var chunk in newIds.Keys.Chunk(Batch))
        {
            var entries = await Entries(dryRun).Where(a => a.EntityType == entityType && chunk.Contains(a.EntityId)).ToListAsync(ct);
            foreach (var entry in entries)
            {
                var newId = newIds[entry.EntityId];
                var changes = Rewrite(entry.Changes, rewrite);
                if ((newId is null || newId == entry.EntityId) && changes == entry.Changes)
                {
                    continue;
                }

                changed++;
                if (!dryRun)
                {
                    entry.EntityId = newId ?? entry.EntityId;
                    entry.Changes = changes;
                }
            }

            await SaveUnlessDryRunAsync(dryRun, ct);
        }

        return changed;
    }

    /// <summary>
    /// The entries made by these actors: moved to their new actor ids, under <paramref name="name"/>, and (if asked) without the
    /// address they came from.
    /// </summary>
    public async Task<int> RewriteActorsAsync(IReadOnlyDictionary<string, string> newIds, string name, bool dropAddresses, bool dryRun, CancellationToken ct)
    {
        var changed = 0;
        foreach (var chunk in newIds.Keys.Chunk(Batch))
        {
            var entries = await Entries(dryRun).Where(a => a.ActorId != null && chunk.Contains(a.ActorId)).ToListAsync(ct);
            changed += entries.Count;
            if (!dryRun)
            {
                foreach (var entry in entries)
                {
                    entry.ActorId = newIds[entry.ActorId!];
                    entry.ActorName = name;
                    entry.IpAddress = dropAddresses ? null : entry.IpAddress;
                }
            }

            await SaveUnlessDryRunAsync(dryRun, ct);
        }

        return changed;
    }

    /// <summary>
    /// Entries about other records whose changes name one of these ids (a badge batch lists its guests, a delegation its
    /// liaison): the new id instead. The entries about the records themselves (<paramref name="entityType"/> with one of the ids)
    /// are left to <see cref="RewriteEntitiesAsync"/>. Reads the whole trail, in batches. Returns the entries that change.
    /// </summary>
    public async Task<int> ReplaceIdsAsync(string entityType, IReadOnlyDictionary<string, string> newIds, bool dryRun, CancellationToken ct)
    {
        if (newIds.Count == 0)
        {
            return 0;
        }

        var map = newIds.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
        var changed = 0;
        var after = 0L;
        while (true)
        {
            var page = await db.AuditEntries.AsNoTracking().Where(a => a.Id > after && a.Changes != null).OrderBy(a => a.Id).Take(2000)
                .Select(a => new { a.Id, a.Changes, a.EntityType, a.EntityId }).ToListAsync(ct);
            if (page.Count == 0)
            {
                return changed;
            }

            after = page[^1].Id;
            foreach (var row in page.Where(r => r.EntityType != entityType || !map.ContainsKey(r.EntityId)))
            {
                var replaced = GuidText().Replace(row.Changes!, m => map.TryGetValue(m.Value, out var to) ? to : m.Value);
                if (replaced == row.Changes)
                {
                    continue;
                }

                changed++;
                if (!dryRun)
                {
                    await db.AuditEntries.Where(a => a.Id == row.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.Changes, replaced), ct);
                }
            }
        }
    }

    /// <summary>Forgets the addresses of the entries recorded before a moment. Returns how many had one.</summary>
    public async Task<int> DropAddressesAsync(DateTimeOffset before, bool dryRun, CancellationToken ct)
    {
        var entries = db.AuditEntries.Where(a => a.At < before && a.IpAddress != null);
        return dryRun ? await entries.CountAsync(ct) : await entries.ExecuteUpdateAsync(u => u.SetProperty(a => a.IpAddress, (string?)null), ct);
    }

    /// <summary>The entries about one record or made by one actor, oldest first (for a person's copy of their data).</summary>
    public async Task<List<AuditEntry>> EntriesOfAsync(string entityType, string entityId, string actorId, CancellationToken ct) =>
        await db.AuditEntries.AsNoTracking().Where(a => (a.EntityType == entityType && a.EntityId == entityId) || a.ActorId == actorId)
            .OrderBy(a => a.Id).ToListAsync(ct);

    /// <summary>
    /// The changes with every text value passed through the rewrite, with the name of the (top-level) field it belongs to; the
    /// field names and the shape stay.
    /// </summary>
    public static string? Rewrite(string? changes, Func<string, string, string> rewrite)
    {
        if (changes is null || JsonNode.Parse(changes) is not JsonObject root)
        {
            return changes;
        }

        var before = root.ToJsonString();
        foreach (var (field, child) in root.ToList())
        {
            if (child is JsonValue value && value.GetValueKind() == JsonValueKind.String)
            {
                root[field] = rewrite(field, value.GetValue<string>());
            }
            else if (child is not null)
            {
                RewriteNode(child, text => rewrite(field, text));
            }
        }

        var after = root.ToJsonString();
        // Unchanged values keep the text exactly as it was stored (the serializer may escape differently).
        return after == before ? changes : after;
    }

    private static void RewriteNode(JsonNode node, Func<string, string> rewrite)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (child is JsonValue value && value.GetValueKind() == JsonValueKind.String)
                    {
                        obj[key] = rewrite(value.GetValue<string>());
                    }
                    else if (child is not null)
                    {
                        RewriteNode(child, rewrite);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.GetValueKind() == JsonValueKind.String)
                    {
                        array[i] = rewrite(value.GetValue<string>());
                    }
                    else if (array[i] is { } child)
                    {
                        RewriteNode(child, rewrite);
                    }
                }

                break;
        }
    }

    /// <summary>A dry run reads without tracking, so that nothing it touches can be saved by the caller's unit of work.</summary>
    private IQueryable<AuditEntry> Entries(bool dryRun) => dryRun ? db.AuditEntries.AsNoTracking() : db.AuditEntries;

    private async Task SaveUnlessDryRunAsync(bool dryRun, CancellationToken ct)
    {
        if (!dryRun)
        {
            await db.SaveChangesAsync(ct);
        }
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidText();
}
