using Microsoft.EntityFrameworkCore;
using Summit.Server.Events;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Privacy;

namespace Summit.Server.Demo;

/// <summary>
/// The demo keeps its data as long as its codes open its gates: until a year after it was made, not the default 90 days after its
/// three days, so that a demo shown again months later is still whole.
/// </summary>
internal static class DemoPrivacy
{
    public static PrivacySettings RetentionFor(SummitEvent summitEvent, DateTimeOffset now) => new()
    {
        EventId = summitEvent.Id,
        RetentionDays = RetentionRules.DaysToKeepUntil(summitEvent.EndDate, summitEvent.TimeZoneId, now.AddYears(1)),
        UpdatedAt = now,
        UpdatedBy = "demo",
    };

    /// <summary>A demo made before retention existed gets its period now, before the server (and its purge job) starts.</summary>
    public static async Task EnsureRetentionAsync(SummitDbContext db, DateTimeOffset now)
    {
        foreach (var summitEvent in await db.Events.ToListAsync())
        {
            if (!await db.Set<PrivacySettings>().AnyAsync(s => s.EventId == summitEvent.Id))
            {
                db.Set<PrivacySettings>().Add(RetentionFor(summitEvent, now));
            }
        }

        await db.SaveChangesAsync();
    }
}
