using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Summit.Server.Events.Contracts;
using Summit.Server.Faces.Settings;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Faces.Retention;

/// <summary>
/// Deletes an event's face enrolments once its face retention has run out: at the start of the day that many days after the event's
/// last day, in the event's time zone. Templates serve the gates only, so they go long before the event's other personal data
/// (the Privacy module's retention); each purge is one audit entry with the count.
/// </summary>
public sealed class FaceRetentionService(SummitDbContext db, IEventCalendar events, IOptionsMonitor<FacesOptions> options, AuditLog audit, TimeProvider clock)
{
    /// <summary>When an event's templates are to be gone.</summary>
    public static DateTimeOffset DueAt(EventFacts summitEvent, int retentionDays)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(summitEvent.TimeZoneId);
        var local = summitEvent.EndDate.AddDays(1 + retentionDays).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>Purges every event whose face retention has ended; returns how many templates and queued or refused enrolments went.</summary>
    public async Task<int> PurgeDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var purged = 0;
        foreach (var summitEvent in await events.ListAsync(ct))
        {
            var days = (await FaceSettingsService.StoredAsync(db, summitEvent.Id, ct))?.RetentionDays ?? options.CurrentValue.RetentionDays;
            if (now < DueAt(summitEvent, days))
            {
                continue;
            }

            var rows = db.Set<FaceEnrolment>().Where(e => e.EventId == summitEvent.Id);
            var templates = await rows.CountAsync(e => e.State == FaceEnrolmentState.Enrolled, ct);
            var count = await rows.ExecuteDeleteAsync(ct);
            if (count == 0)
            {
                continue;
            }

            await audit.RecordAsync(FacesAudit.TemplatesPurged, "event", summitEvent.Id.ToString(), new Dictionary<string, (object?, object?)>
            {
                ["templates"] = (templates, 0),
                ["retentionDays"] = (null, days),
            });
            await db.SaveChangesAsync(ct);
            purged += count;
        }

        return purged;
    }
}
