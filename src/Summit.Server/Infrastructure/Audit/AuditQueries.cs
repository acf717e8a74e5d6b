using Microsoft.EntityFrameworkCore;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Infrastructure.Audit;

public sealed class AuditQueries(SummitDbContext db)
{
    public async Task<PagedResult<AuditEntry>> ListAsync(AuditFilter filter, CancellationToken ct = default)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            query = query.Where(a => a.ActorName.Contains(filter.Actor));
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            query = query.Where(a => a.Action.StartsWith(filter.Action));
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            query = query.Where(a => a.EntityType == filter.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityId))
        {
            query = query.Where(a => a.EntityId == filter.EntityId);
        }

        if (filter.From is { } from)
        {
            query = query.Where(a => a.At >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(a => a.At <= to);
        }

        var pageSize = Math.Clamp(filter.PageSize ?? 50, 1, 500);
        var page = Math.Max(1, filter.Page ?? 1);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new PagedResult<AuditEntry>(items, total, page, pageSize);
    }
}
