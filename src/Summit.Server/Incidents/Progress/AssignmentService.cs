using Microsoft.EntityFrameworkCore;
using Summit.Server.Incidents.Reading;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;

namespace Summit.Server.Incidents.Progress;

/// <summary>Who an incident is given to: a team, a person who works on incidents, or both; they are told at once.</summary>
public sealed class AssignmentService(SummitDbContext db, IncidentStore store, IncidentViews views, IncidentNotifier notifier, TimeProvider clock)
{
    public async Task<IncidentDetail> AssignAsync(string number, AssignRequest request, CancellationToken ct = default)
    {
        var incident = await store.LoadAsync(number, tracked: true, ct);
        var team = string.IsNullOrWhiteSpace(request.Team) ? null : request.Team.Trim();
        var userId = string.IsNullOrWhiteSpace(request.UserId) ? null : request.UserId.Trim();
        if (team is null && userId is null)
        {
            throw new SummitException(SummitError.Of(IncidentErrors.AssignmentEmpty));
        }

        if (team is not null && !IncidentTeams.All.Contains(team))
        {
            throw new SummitException(SummitError.Of(IncidentErrors.TeamUnknown, team, string.Join(", ", IncidentTeams.All)));
        }

        AssigneeView? person = null;
        if (userId is not null)
        {
            person = (await AssigneesAsync(ct)).FirstOrDefault(a => a.Id == userId)
                ?? throw new SummitException(SummitError.Of(IncidentErrors.AssigneeUnknown, userId));
        }

        var actor = await store.ActorAsync();
        var before = (incident.AssignedTeam, incident.AssignedUserName);
        incident.AssignedTeam = team ?? incident.AssignedTeam;
        incident.AssignedUserId = person?.Id;
        incident.AssignedUserName = person?.Name;
        var now = clock.GetUtcNow();
        IncidentStore.Touch(incident, now);
        var label = string.Join(" · ", new[] { incident.AssignedTeam, incident.AssignedUserName }.Where(s => s is not null));
        store.AddTimeline(incident, TimelineKind.Assigned, actor.Name, label, now);
        await store.AuditAsync(incident, IncidentAuditActions.Assigned, new Dictionary<string, (object?, object?)>
        {
            ["team"] = (before.AssignedTeam, incident.AssignedTeam),
            ["person"] = (before.AssignedUserName, incident.AssignedUserName),
        });
        var recipients = person is not null && await notifier.FindUserAsync(person.Id, ct) is { } user ? [user] : await store.TeamOfAsync(incident, ct);
        notifier.Notify(incident, NotificationKind.Assigned, recipients, actor.Id);
        await store.SaveAsync(incident, ct);
        return await views.DetailAsync(incident, ct);
    }

    /// <summary>People an incident may be given to: those holding a role that works on incidents.</summary>
    public async Task<List<AssigneeView>> AssigneesAsync(CancellationToken ct = default)
    {
        var workRoles = Policies.RolesFor[Policies.IncidentsAct].Select(r => r.ToUpperInvariant()).ToList();
        var rows = await (from userRole in db.UserRoles
                          join role in db.Roles on userRole.RoleId equals role.Id
                          join user in db.Users on userRole.UserId equals user.Id
                          where workRoles.Contains(role.NormalizedName!)
                          select new { user.Id, user.DisplayName, user.Email, role.Name }).ToListAsync(ct);
        return [.. rows.GroupBy(r => r.Id).Select(g => new AssigneeView(g.Key,
                string.IsNullOrWhiteSpace(g.First().DisplayName) ? g.First().Email ?? g.Key : g.First().DisplayName,
                [.. g.Select(r => r.Name!).Order(StringComparer.Ordinal)]))
            .OrderBy(a => a.Name, StringComparer.Ordinal)];
    }
}
