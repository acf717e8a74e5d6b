using Microsoft.EntityFrameworkCore;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Incidents.Reading;

/// <summary>The incidents of the event as a list and one in full, each as the signed-in reader may see it (<see cref="IncidentViews"/>).</summary>
public sealed class IncidentReadService(SummitDbContext db, IncidentStore store, IncidentViews views)
{
    public async Task<List<IncidentSummary>> ListAsync(IncidentFilter filter, CancellationToken ct = default)
    {
        var eventId = (await store.CurrentEventAsync(ct)).Id;
        var query = db.Set<Incident>().AsNoTracking().Where(i => i.EventId == eventId);
        if (filter.Status is { } status)
        {
            query = query.Where(i => i.Status == status);
        }
        else if (filter.ActiveOnly)
        {
            query = query.Where(i => i.Status != IncidentStatus.Resolved && i.Status != IncidentStatus.Closed);
        }

        if (filter.Severity is { } severity)
        {
            query = query.Where(i => i.Severity == severity);
        }

        if (filter.Type is { } type)
        {
            query = query.Where(i => i.Type == type);
        }

        if (!string.IsNullOrWhiteSpace(filter.Team))
        {
            query = query.Where(i => i.AssignedTeam == filter.Team);
        }

        var found = await query.OrderByDescending(i => i.Number).Take(500).ToListAsync(ct);
        return await views.SummariesAsync(found.OrderBy(i => i.IsDone).ThenByDescending(i => i.Severity).ThenByDescending(i => i.Number), ct);
    }

    public async Task<IncidentDetail> GetAsync(string number, CancellationToken ct = default)
    {
        var incident = await store.LoadAsync(number, tracked: false, ct);
        return await views.DetailAsync(incident, ct);
    }
}
