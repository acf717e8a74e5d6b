using Microsoft.EntityFrameworkCore;
using Summit.Server.Events.Contracts;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Programme.Forums;

/// <summary>The forums of the current event: listed, created and changed; every change audited.</summary>
public sealed class ForumService(SummitDbContext db, IEventCalendar events, AuditLog audit, Localizer localizer)
{
    /// <summary>The forums, the main forum first, then in their order.</summary>
    public async Task<List<ForumView>> ListAsync(CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var forums = await db.Set<Forum>().AsNoTracking().Where(f => f.EventId == summitEvent.Id).ToListAsync(ct);
        var counts = await db.Set<Session>().AsNoTracking().Where(s => s.EventId == summitEvent.Id).GroupBy(s => s.ForumId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return [.. forums.OrderBy(f => f.Kind).ThenBy(f => f.SortOrder).ThenBy(f => f.TitleEn, StringComparer.Ordinal)
            .Select(f => ForumView.From(f, counts.GetValueOrDefault(f.Id)))];
    }

    public async Task<ForumView> CreateAsync(ForumInput input, CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var forum = new Forum { EventId = summitEvent.Id };
        await ApplyAsync(forum, input, ct);
        db.Set<Forum>().Add(forum);
        await audit.RecordAsync(ProgrammeAudit.ForumCreated, "forum", forum.Id.ToString(), AuditLog.Diff(new Dictionary<string, object?>(), Snapshot(forum)));
        await db.SaveChangesAsync(ct);
        return ForumView.From(forum, 0);
    }

    public async Task<ForumView> UpdateAsync(Guid id, ForumInput input, CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var forum = await db.Set<Forum>().FirstOrDefaultAsync(f => f.Id == id && f.EventId == summitEvent.Id, ct)
            ?? throw new SummitException(SummitError.NotFound(ProgrammeErrors.ForumNotFound, id));
        var before = Snapshot(forum);
        await ApplyAsync(forum, input, ct);
        var changes = AuditLog.Diff(before, Snapshot(forum));
        if (changes.Count > 0)
        {
            await audit.RecordAsync(ProgrammeAudit.ForumUpdated, "forum", forum.Id.ToString(), changes);
            await db.SaveChangesAsync(ct);
        }

        var sessions = await db.Set<Session>().CountAsync(s => s.ForumId == forum.Id, ct);
        return ForumView.From(forum, sessions);
    }

    private async Task ApplyAsync(Forum forum, ForumInput input, CancellationToken ct)
    {
        var checks = new FieldChecks(localizer);
        ProgrammeFields.Known(checks, "kind", "programme.field.forum_kind", input.Kind);
        var titleEn = checks.Required("titleEn", "programme.field.title_en", input.TitleEn, ProgrammeLimits.TitleLength);
        var titleZh = checks.Required("titleZh", "programme.field.title_zh", input.TitleZh, ProgrammeLimits.TitleLength);
        var partner = ProgrammeFields.Optional(checks, "partner", "programme.field.partner", input.Partner, ProgrammeLimits.NameLength);
        var sector = ProgrammeFields.Optional(checks, "sector", "programme.field.sector", input.Sector, ProgrammeLimits.NameLength);
        if (titleEn.Length > 0 && await db.Set<Forum>().AnyAsync(f => f.EventId == forum.EventId && f.Id != forum.Id && f.TitleEn == titleEn, ct))
        {
            checks.Add("titleEn", "programme.field.title_en", ProgrammeErrors.ForumTitleTaken, titleEn);
        }

        checks.ThrowIfAny();
        (forum.Kind, forum.TitleEn, forum.TitleZh, forum.Partner, forum.Sector, forum.SortOrder) = (input.Kind, titleEn, titleZh, partner, sector, input.SortOrder);
    }

    private static Dictionary<string, object?> Snapshot(Forum f) => new()
    {
        ["kind"] = f.Kind,
        ["titleEn"] = f.TitleEn,
        ["titleZh"] = f.TitleZh,
        ["partner"] = f.Partner,
        ["sector"] = f.Sector,
        ["sortOrder"] = f.SortOrder,
    };
}
