using Microsoft.EntityFrameworkCore;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Incidents;

/// <summary>The bell: the signed-in user's incident notifications, newest first, and marking them read.</summary>
public sealed class IncidentInbox(SummitDbContext db, CurrentActor currentActor, TimeProvider clock)
{
    public async Task<int> UnreadCountAsync(CancellationToken ct = default) =>
        await currentActor.GetAsync() is { Id: { } userId }
            ? await db.Set<IncidentNotification>().CountAsync(n => n.UserId == userId && n.ReadAt == null, ct)
            : 0;

    public async Task<List<NotificationView>> LatestAsync(int count = 20, CancellationToken ct = default)
    {
        if (await currentActor.GetAsync() is not { Id: { } userId })
        {
            return [];
        }

        var rows = await db.Set<IncidentNotification>().AsNoTracking().Where(n => n.UserId == userId)
            .OrderByDescending(n => n.At).ThenByDescending(n => n.Id).Take(Math.Clamp(count, 1, 100)).ToListAsync(ct);
        return [.. rows.Select(n => new NotificationView(n.Id, Incident.Format(n.Number), n.Kind, n.TitleEn, n.TitleZh, n.At, n.ReadAt is not null))];
    }

    public async Task<int> MarkAllReadAsync(CancellationToken ct = default)
    {
        if (await currentActor.GetAsync() is not { Id: { } userId })
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        return await db.Set<IncidentNotification>().Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }
}
