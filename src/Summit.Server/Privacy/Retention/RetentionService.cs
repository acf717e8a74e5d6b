using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Summit.Server.Events.Contracts;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Privacy;

/// <summary>An admin sets the retention period of the current event; every change is audited with the old and new value.</summary>
public sealed class RetentionService(SummitDbContext db, IEventCalendar events, IOptions<PrivacyOptions> options, AuditLog audit, CurrentActor actor,
    TimeProvider clock)
{
    public async Task<RetentionView> GetCurrentAsync(CancellationToken ct = default) => await ForEventAsync(await events.GetCurrentAsync(ct), ct);

    public async Task<RetentionView> ForEventAsync(EventFacts summitEvent, CancellationToken ct = default)
    {
        var stored = await db.Set<PrivacySettings>().AsNoTracking().FirstOrDefaultAsync(s => s.EventId == summitEvent.Id, ct);
        var fallback = options.Value.RetentionDays;
        var days = stored?.RetentionDays ?? fallback;
        return new RetentionView(summitEvent.Id, days, fallback, stored is not null, summitEvent.EndDate, summitEvent.TimeZoneId,
            RetentionRules.LastDayKept(summitEvent.EndDate, days), RetentionRules.DueAt(summitEvent.EndDate, summitEvent.TimeZoneId, days),
            stored?.UpdatedAt, stored?.UpdatedBy);
    }

    public async Task<RetentionView> SetAsync(RetentionInput input, CancellationToken ct = default)
    {
        if (input.RetentionDays is < RetentionRules.MinDays or > RetentionRules.MaxDays)
        {
            throw new SummitException(SummitError.Of(PrivacyErrors.RetentionOutOfRange, input.RetentionDays, RetentionRules.MinDays, RetentionRules.MaxDays));
        }

        var summitEvent = await events.GetCurrentAsync(ct);
        var before = await ForEventAsync(summitEvent, ct);
        var settings = await db.Set<PrivacySettings>().FirstOrDefaultAsync(s => s.EventId == summitEvent.Id, ct);
        if (settings is null)
        {
            settings = new PrivacySettings { EventId = summitEvent.Id };
            db.Set<PrivacySettings>().Add(settings);
        }

        settings.RetentionDays = input.RetentionDays;
        settings.UpdatedAt = clock.GetUtcNow();
        settings.UpdatedBy = (await actor.GetAsync()).Name;
        await audit.RecordAsync(PrivacyAudit.RetentionChanged, "privacy_settings", summitEvent.Id.ToString(), new Dictionary<string, (object?, object?)>
        {
            ["retentionDays"] = (before.RetentionDays, input.RetentionDays),
            ["lastDayKept"] = (before.LastDayKept, RetentionRules.LastDayKept(summitEvent.EndDate, input.RetentionDays)),
        });
        await db.SaveChangesAsync(ct);
        return await ForEventAsync(summitEvent, ct);
    }
}
