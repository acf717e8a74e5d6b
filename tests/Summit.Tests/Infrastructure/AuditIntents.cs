using System.Net.Http.Json;
using Summit.Server.Infrastructure.Identity;

namespace Summit.Tests.Infrastructure;

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
