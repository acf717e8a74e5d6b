using System.Text.Json;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Infrastructure.Audit;

/// <summary>Writes audit entries. Changes are added to the caller's unit of work, so they commit with the change itself.</summary>
public sealed class AuditLog(SummitDbContext db, CurrentActor currentActor, TimeProvider clock)
{
    public async Task RecordAsync(string action, string entityType, string entityId, IReadOnlyDictionary<string, (object? Old, object? New)>? changes = null)
    {
        var actor = await currentActor.GetAsync();
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            ActorId = actor.Id,
            ActorName = actor.Name,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Changes = changes is null || changes.Count == 0 ? null : JsonSerializer.Serialize(
                changes.ToDictionary(c => c.Key, c => new { old = Invariant(c.Value.Old), @new = Invariant(c.Value.New) })),
            IpAddress = actor.IpAddress,
        });
    }

    /// <summary>Records a read of personal data and saves it at once: a read has no other change to ride with.</summary>
    public async Task RecordReadAsync(string action, string entityType, string entityId)
    {
        await RecordAsync(action, entityType, entityId);
        await db.SaveChangesAsync();
    }

    /// <summary>Audit values are stored the same whatever the actor's language: ISO times, invariant numbers.</summary>
    private static string? Invariant(object? value) => value switch
    {
        null => null,
        DateTimeOffset time => time.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>Compares two snapshots of the same record field by field.</summary>
    public static Dictionary<string, (object? Old, object? New)> Diff(IReadOnlyDictionary<string, object?> before, IReadOnlyDictionary<string, object?> after)
    {
        var changes = new Dictionary<string, (object? Old, object? New)>();
        foreach (var (field, newValue) in after)
        {
            before.TryGetValue(field, out var oldValue);
            if (!Equals(oldValue, newValue))
            {
                changes[field] = (oldValue, newValue);
            }
        }

        return changes;
    }
}
