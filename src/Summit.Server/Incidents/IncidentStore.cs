using Microsoft.EntityFrameworkCore;
using Summit.Server.Events.Contracts;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Incidents;

namespace Summit.Server.Incidents;

/// <summary>
/// What the incident use cases share, and no use case itself: the current event, an incident by its number, who is acting and
/// whether they may act on it, the stamp and timeline line of a change, its audit entry, saving a change (a concurrent one is a
/// conflict) and adding to an incident without changing its version, and the team an incident tells. Changes join the caller's
/// unit of work; none of it is a contract for other modules.
/// </summary>
public sealed class IncidentStore(SummitDbContext db, IEventCalendar events, CurrentActor currentActor, AuditLog audit, TimeProvider clock,
    IncidentNotifier notifier)
{
    /// <summary>The entity type of every incident audit entry.</summary>
    public const string EntityType = "incident";

    public async Task<EventFacts> CurrentEventAsync(CancellationToken ct) =>
        await events.FindCurrentAsync(ct) ?? throw new SummitException(SummitError.Conflict(IncidentErrors.EventMissing));

    /// <summary>An incident of the current event by its number ("INC-0042" or "42"), with its evidence, timeline and periods.</summary>
    public async Task<Incident> LoadAsync(string number, bool tracked, CancellationToken ct)
    {
        var value = ParseNumber(number);
        var eventId = (await CurrentEventAsync(ct)).Id;
        var query = db.Set<Incident>().Include(i => i.Evidence).Include(i => i.Timeline).Include(i => i.Periods).AsSplitQuery();
        return await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(i => i.EventId == eventId && i.Number == value, ct)
            ?? throw new SummitException(SummitError.NotFound(IncidentErrors.NotFound, number));
    }

    /// <summary>An incident by its id with its periods, tracked; null when there is none.</summary>
    public Task<Incident?> FindAsync(Guid incidentId, CancellationToken ct) =>
        db.Set<Incident>().Include(i => i.Periods).FirstOrDefaultAsync(i => i.Id == incidentId, ct);

    public Task<Actor> ActorAsync() => currentActor.GetAsync();

    /// <summary>The acting person and the roles they hold (none for a system actor).</summary>
    public async Task<(Actor Actor, HashSet<string> Roles)> WhoAsync(CancellationToken ct)
    {
        var actor = await currentActor.GetAsync();
        if (actor.Id is null)
        {
            return (actor, []);
        }

        var roles = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           where userRole.UserId == actor.Id
                           select role.Name!).ToListAsync(ct);
        return (actor, [.. roles]);
    }

    /// <summary>Supervisors act on every incident; others on those given to them or to their team.</summary>
    public static bool MayAct(Incident incident, Actor actor, HashSet<string> roles) =>
        IncidentTeams.Supervising.Any(roles.Contains)
        || (actor.Id is not null && incident.AssignedUserId == actor.Id)
        || (incident.AssignedTeam is { } team && roles.Contains(team));

    public static void EnsureMayAct(Incident incident, Actor actor, HashSet<string> roles)
    {
        if (!MayAct(incident, actor, roles))
        {
            throw new SummitException(new SummitError(IncidentErrors.NotYours, [incident.DisplayNumber, incident.AssignedTeam ?? "-"], StatusCodes.Status403Forbidden));
        }
    }

    /// <summary>Marks a change of the incident: the time of it and a new version, which a concurrent change conflicts with.</summary>
    public static void Touch(Incident incident, DateTimeOffset now)
    {
        incident.UpdatedAt = now;
        incident.Version = Guid.NewGuid();
    }

    public void AddTimeline(Incident incident, TimelineKind kind, string actorName, string? text, DateTimeOffset at)
    {
        var entry = new IncidentTimelineEntry { IncidentId = incident.Id, At = at, Kind = kind, ActorName = Clip(actorName, 256), Text = text };
        incident.Timeline.Add(entry);
        db.Add(entry);
    }

    /// <summary>The audit entry of an act on the incident, in the caller's unit of work.</summary>
    public Task AuditAsync(Incident incident, string action, IReadOnlyDictionary<string, (object? Old, object? New)> changes) =>
        audit.RecordAsync(action, EntityType, incident.Id.ToString(), changes);

    /// <summary>The audit entry of a read of the incident's protected details.</summary>
    public Task AuditReadAsync(Incident incident, string action) => audit.RecordReadAsync(action, EntityType, incident.Id.ToString());

    /// <summary>Saves a change of the incident (a change made meanwhile by someone else is a conflict) and pushes it to open pages.</summary>
    public async Task SaveAsync(Incident incident, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new SummitException(SummitError.Conflict(ErrorCodes.ConcurrentChange));
        }

        notifier.Publish(incident);
    }

    /// <summary>
    /// Adds to an incident without changing it: a comment, a photo. An addition takes the incident's row for its transaction (to
    /// set the time of the last change) but neither checks nor changes its version, so additions never conflict with each other
    /// or with a change of status made meanwhile; they only queue for the row, which keeps the photo limit whole.
    /// </summary>
    public async Task AppendAsync(Incident incident, Func<DateTimeOffset, Task> append, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await db.Set<Incident>().Where(i => i.Id == incident.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.UpdatedAt, now), ct);
            await append(now);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        incident.UpdatedAt = now;
        notifier.Publish(incident);
    }

    /// <summary>Who an incident tells: everyone on its team and the person it is given to.</summary>
    public async Task<List<SummitUserRef>> TeamOfAsync(Incident incident, CancellationToken ct)
    {
        var team = incident.AssignedTeam is { } role ? await notifier.UsersInRolesAsync([role], ct) : [];
        if (incident.AssignedUserId is { } userId && await notifier.FindUserAsync(userId, ct) is { } person)
        {
            team.Add(person);
        }

        return team;
    }

    public static int ParseNumber(string number)
    {
        var digits = number.Trim();
        if (digits.StartsWith("INC-", StringComparison.OrdinalIgnoreCase))
        {
            digits = digits[4..];
        }

        return int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new SummitException(SummitError.NotFound(IncidentErrors.NotFound, number));
    }

    /// <summary>The key that gathers the repeated reports of one cause at one place into the incident open for them.</summary>
    public static string OpenKeyOf(string cause, IncidentPlace place) => $"{cause}|{place.Key}";

    public static string Clip(string? value, int max) => value is null ? "" : value.Length <= max ? value : value[..max];
}
