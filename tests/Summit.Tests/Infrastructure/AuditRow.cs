using System.Text.Json;

namespace Summit.Tests.Infrastructure;

public sealed record AuditRow(long Id, DateTimeOffset At, string? ActorId, string ActorName, string Action, string EntityType, string EntityId,
    string? Changes)
{
    /// <summary>The recorded change of one field as (old, new), or null when the field did not change.</summary>
    public (string? Old, string? New)? Change(string field)
    {
        if (Changes is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(Changes);
        if (!document.RootElement.TryGetProperty(field, out var change))
        {
            return null;
        }

        static string? Read(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetString();
        return (Read(change, "old"), Read(change, "new"));
    }
}
