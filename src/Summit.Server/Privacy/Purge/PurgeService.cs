using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Summit.Server.Events.Contracts;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Privacy.Contracts;

namespace Summit.Server.Privacy;

/// <summary>
/// Deletes or makes anonymous an event's personal data once its retention period has ended: every person nothing holds, then
/// the event's records that belong to no one person, in one transaction. A server first claims the event in the database (one
/// unfinished run per event), so several servers running the job never purge one event twice at once. The dry run goes through
/// the same holders with the same conditions and changes nothing.
/// </summary>
public sealed class PurgeService(SummitDbContext db, IEventCalendar events, RetentionService retention, SubjectDirectory subjects, ErasureEngine engine,
    SubjectRequests requests, AuditLog audit, CurrentActor actor, IOptions<PrivacyOptions> options, TimeProvider clock, ILogger<PurgeService> logger)
{
    private static readonly JsonSerializerOptions CountsJson = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    /// <summary>The dry run for the current event, as an officer asks for it: a read of who would be kept, so it is audited.</summary>
    public async Task<PurgePlan> PreviewAsync(string language, CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var plan = await PlanAsync(summitEvent, language, ct);
        await audit.RecordReadAsync(PrivacyAudit.PurgePreviewed, "event", summitEvent.Id.ToString());
        return plan;
    }

    /// <summary>The dry run: every holder counts what it would do, nothing is written.</summary>
    public async Task<PurgePlan> PlanAsync(EventFacts summitEvent, string language, CancellationToken ct = default)
    {
        var view = await retention.ForEventAsync(summitEvent, ct);
        var people = await subjects.OfEventAsync(summitEvent.Id, ct);
        var (scope, held) = await engine.PrepareAsync(summitEvent.Id, people, ErasureCause.Retention, ct, view.DueAt);
        var counts = await engine.EraseAsync(scope, dryRun: true, ct);
        counts.AddRange(await engine.PurgeEventAsync(EventScope(summitEvent.Id, view, scope, held), dryRun: true, ct));
        return new PurgePlan(summitEvent.Id, summitEvent.Name, view, clock.GetUtcNow() >= view.DueAt, people.Count, ErasureEngine.Summarize(counts),
            [.. held.Select(h => new HeldPersonView(h.PersonId, h.DisplayName, requests.HoldViews([h], language)))]);
    }

    /// <summary>Purges the event now (the current one unless given). Refused before the retention period ends or while another run holds it.</summary>
    public async Task<PurgeRunView> RunAsync(PurgeTrigger trigger, Guid? eventId = null, CancellationToken ct = default)
    {
        var summitEvent = eventId is { } id ? await events.FindAsync(id, ct) ?? throw new SummitException(SummitError.NotFound("event.none"))
            : await events.GetCurrentAsync(ct);
        var view = await retention.ForEventAsync(summitEvent, ct);
        if (clock.GetUtcNow() < view.DueAt)
        {
            throw new SummitException(SummitError.Conflict(PrivacyErrors.PurgeNotDue, view.LastDayKept, view.RetentionDays));
        }

        var who = await actor.GetAsync();
        var run = await ClaimAsync(summitEvent.Id, trigger, who.Name, ct) ?? throw new SummitException(SummitError.Conflict(PrivacyErrors.PurgeRunning));
        try
        {
            ErasureScope scope;
            List<DataCount> counts;
            int heldCount;
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                var people = await subjects.OfEventAsync(summitEvent.Id, ct);
                (scope, var held) = await engine.PrepareAsync(summitEvent.Id, people, ErasureCause.Retention, ct, view.DueAt);
                heldCount = held.Count;
                counts = await engine.EraseAsync(scope, dryRun: false, ct);
                counts.AddRange(await engine.PurgeEventAsync(EventScope(summitEvent.Id, view, scope, held), dryRun: false, ct));
                counts = ErasureEngine.Summarize(counts);
                if (trigger == PurgeTrigger.Scheduled && !counts.Any(c => c.Action != DataAction.Kept))
                {
                    // Another server purged the event between this one's look and its claim: nothing to record.
                    await transaction.RollbackAsync(ct);
                    db.Set<PurgeRun>().Remove(run);
                    await db.SaveChangesAsync(ct);
                    return View(run);
                }

                await audit.RecordAsync(PrivacyAudit.Purged, "event", summitEvent.Id.ToString(), new Dictionary<string, (object?, object?)>
                {
                    ["trigger"] = (null, trigger),
                    ["lastDayKept"] = (null, view.LastDayKept),
                    ["persons"] = (null, scope.Targets.Count),
                    ["held"] = (null, heldCount),
                    ["erased"] = (null, SubjectRequests.Describe(counts)),
                });
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }

            SubjectRequests.RunAfterCommit(scope.AfterCommit, logger);
            run.FinishedAt = clock.GetUtcNow();
            run.Outcome = PurgeOutcome.Completed;
            run.Erased = scope.Targets.Count;
            run.Held = heldCount;
            run.Counts = JsonSerializer.Serialize(counts, CountsJson);
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Purged event {EventId}: {Persons} persons erased, {Held} held", summitEvent.Id, run.Erased, run.Held);
            return View(run);
        }
        catch (Exception ex)
        {
            db.ChangeTracker.Clear();
            var message = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
            await db.Set<PurgeRun>().Where(r => r.Id == run.Id).ExecuteUpdateAsync(u => u
                .SetProperty(r => r.FinishedAt, clock.GetUtcNow())
                .SetProperty(r => r.Outcome, PurgeOutcome.Failed)
                .SetProperty(r => r.Error, message), CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// What the background job does on each server: every event whose retention period has ended and that still has personal
    /// data is purged (an event another server is purging is left to it). Returns the events purged.
    /// </summary>
    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        var purged = 0;
        foreach (var summitEvent in await events.ListAsync(ct))
        {
            var view = await retention.ForEventAsync(summitEvent, ct);
            if (clock.GetUtcNow() < view.DueAt || !(await PlanAsync(summitEvent, Infrastructure.Localization.Localizer.English, ct)).HasWork)
            {
                continue;
            }

            try
            {
                var run = await RunAsync(PurgeTrigger.Scheduled, summitEvent.Id, ct);
                purged += run.Outcome == PurgeOutcome.Completed ? 1 : 0;
            }
            catch (SummitException ex) when (ex.Error.Code == PrivacyErrors.PurgeRunning)
            {
                logger.LogInformation("Event {EventId} is being purged by another server", summitEvent.Id);
            }
        }

        return purged;
    }

    public async Task<List<PurgeRunView>> RunsAsync(CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var runs = await db.Set<PurgeRun>().AsNoTracking().Where(r => r.EventId == summitEvent.Id).OrderByDescending(r => r.StartedAt).Take(20).ToListAsync(ct);
        return [.. runs.Select(View)];
    }

    /// <summary>
    /// Claims the event for this server: an unfinished run row, which the unique index admits once per event. A claim older than
    /// the lease belongs to a server that stopped mid-purge (its transaction rolled back) and is given up first. Null when
    /// another server holds the event.
    /// </summary>
    private async Task<PurgeRun?> ClaimAsync(Guid eventId, PurgeTrigger trigger, string actorName, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var stale = now - options.Value.PurgeLease;
        await db.Set<PurgeRun>().Where(r => r.EventId == eventId && r.FinishedAt == null && r.StartedAt < stale).ExecuteUpdateAsync(u => u
            .SetProperty(r => r.FinishedAt, now)
            .SetProperty(r => r.Outcome, PurgeOutcome.Abandoned), ct);
        var run = new PurgeRun
        {
            EventId = eventId,
            Trigger = trigger,
            Node = $"{Environment.MachineName}:{Environment.ProcessId}",
            Actor = actorName,
            StartedAt = now,
            Outcome = PurgeOutcome.Running,
        };
        db.Set<PurgeRun>().Add(run);
        try
        {
            await db.SaveChangesAsync(ct);
            return run;
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            db.Entry(run).State = EntityState.Detached;
            return null;
        }
    }

    private static EventPurgeScope EventScope(Guid eventId, RetentionView view, ErasureScope scope, IEnumerable<HeldPerson> held) =>
        new(eventId, view.DueAt, scope.Now, held.Select(h => h.PersonId).ToHashSet(), scope.Targets.Select(t => t.Subject.PersonId).ToHashSet(),
            scope.OnCommitted);

    private static PurgeRunView View(PurgeRun run) => new(run.Id, run.EventId, run.Trigger, run.Actor, run.Node, run.StartedAt, run.FinishedAt, run.Outcome,
        run.Erased, run.Held, run.Counts is null ? [] : JsonSerializer.Deserialize<List<DataCount>>(run.Counts, CountsJson) ?? [], run.Error);
}
