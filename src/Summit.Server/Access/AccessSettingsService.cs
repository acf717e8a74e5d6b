using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Summit.Access.Core;
using Summit.Server.Access.Domain;
using Summit.Server.Events.Contracts;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Access;

/// <summary>The access settings of the current event, created on first use, and the policy version gates sync by.</summary>
public sealed class AccessSettingsService(SummitDbContext db, IEventCalendar events)
{
    /// <summary>The current event's settings, tracked so the caller can change them in its unit of work.</summary>
    public async Task<(EventFacts Event, AccessSettings Settings)> GetAsync(CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var settings = await db.AccessSettings.FirstOrDefaultAsync(s => s.EventId == summitEvent.Id, ct);
        if (settings is null)
        {
            settings = CreateFor(summitEvent);
            db.AccessSettings.Add(settings);
            await db.SaveChangesAsync(ct);
        }

        return (summitEvent, settings);
    }

    /// <summary>Marks a change that gates must learn about; saved with the caller's change, so gates see both or neither.</summary>
    public async Task PolicyChangedAsync(CancellationToken ct = default)
    {
        var (_, settings) = await GetAsync(ct);
        settings.PolicyVersion++;
    }

    /// <summary>
    /// Marks a change to zones, gates, grants or blocks and saves it with the caller's unit of work; two people saving the same
    /// code at once lose to the unique index as a concurrent change.
    /// </summary>
    public async Task SavePolicyChangeAsync(CancellationToken ct = default)
    {
        await PolicyChangedAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // Two people saving the same code at once: the unique index decided.
            throw new SummitException(SummitError.Conflict(ErrorCodes.ConcurrentChange));
        }
    }

    /// <summary>Credentials are valid from the day before the event (badge pick-up) to the end of its last day, event-local.</summary>
    public static AccessSettings CreateFor(EventFacts summitEvent)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(summitEvent.TimeZoneId);
        return new AccessSettings
        {
            EventId = summitEvent.Id,
            EventNumber = RandomNumberGenerator.GetInt32(1, int.MaxValue),
            ValidFrom = LocalMidnight(summitEvent.StartDate.AddDays(-1), zone),
            ValidUntil = LocalMidnight(summitEvent.EndDate.AddDays(1), zone),
        };
    }

    private static DateTimeOffset LocalMidnight(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return CredentialTime.FloorToMinute(new DateTimeOffset(local, zone.GetUtcOffset(local)));
    }
}
