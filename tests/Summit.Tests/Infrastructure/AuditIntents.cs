using System.Net.Http.Json;
using System.Text.Json;
using Summit.Server.Infrastructure.Identity;

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

public sealed record AuditPage(List<AuditRow> Items, int Total, int Page, int PageSize);

/// <summary>Reading the audit log through its API, as an administrator.</summary>
public static class AuditIntents
{
    public static async Task<AuditPage> AuditAsync(this SummitFactory app, string query)
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        var response = await admin.GetAsync("/api/v1/audit?" + query);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<AuditPage>(Intents.Json))!;
    }

    /// <summary>Every audit entry about one record, newest first.</summary>
    public static async Task<List<AuditRow>> AuditTrailAsync(this SummitFactory app, string entityType, object entityId) =>
        (await app.AuditAsync($"entityType={entityType}&entityId={Uri.EscapeDataString(entityId.ToString()!)}")).Items;
}
