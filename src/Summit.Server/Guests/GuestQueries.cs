using Microsoft.EntityFrameworkCore;
using Summit.Server.Guests.Contracts;
using Summit.Server.Guests.Domain;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Guests;

/// <summary>Reads of the guest list, shared by the list page, the API and the exports.</summary>
public sealed class GuestQueries(SummitDbContext db)
{
    public const int MaxPageSize = 500;

    public IQueryable<Guest> Filtered(Guid eventId, GuestFilter filter)
    {
        // An erased guest is only a count now: no list, search or export shows it.
        var query = db.Guests.AsNoTracking().Where(g => g.EventId == eventId && g.ErasedAt == null);
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            // Every word must begin one of the guest's terms: "wang", "王", "xiaoming", "zhejiang univ".
            foreach (var word in GuestSearch.WordsOf(filter.Search))
            {
                var (from, before) = GuestSearch.RangeOf(word);
                // Translated to SQL, where the database's own ordering of the column decides; a StringComparison would not translate.
#pragma warning disable CA1309
                var matching = db.GuestSearchTerms.Where(t => string.Compare(t.Term, from) >= 0 && string.Compare(t.Term, before) < 0)
                    .Select(t => t.GuestId);
#pragma warning restore CA1309
                query = query.Where(g => matching.Contains(g.Id));
            }
        }

        if (filter.CategoryId is { } category)
        {
            query = query.Where(g => g.CategoryId == category);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(g => g.Status == status);
        }

        if (filter.Mode is { } mode)
        {
            query = query.Where(g => g.ParticipationMode == mode);
        }

        if (filter.DelegationId is { } delegation)
        {
            query = query.Where(g => g.DelegationId == delegation);
        }

        if (!string.IsNullOrWhiteSpace(filter.Country))
        {
            var country = filter.Country.Trim().ToUpperInvariant();
            query = query.Where(g => g.CountryCode == country);
        }

        return filter.Sort switch
        {
            GuestSort.NameDesc => query.OrderByDescending(g => g.FamilyNameLatin).ThenByDescending(g => g.GivenNameLatin).ThenBy(g => g.Id),
            GuestSort.Organisation => query.OrderBy(g => g.Organisation).ThenBy(g => g.FamilyNameLatin).ThenBy(g => g.Id),
            GuestSort.Country => query.OrderBy(g => g.CountryCode).ThenBy(g => g.FamilyNameLatin).ThenBy(g => g.Id),
            GuestSort.Status => query.OrderBy(g => g.Status).ThenBy(g => g.FamilyNameLatin).ThenBy(g => g.Id),
            GuestSort.Updated => query.OrderByDescending(g => g.UpdatedAt).ThenBy(g => g.Id),
            _ => query.OrderBy(g => g.FamilyNameLatin).ThenBy(g => g.GivenNameLatin).ThenBy(g => g.Id),
        };
    }

    public async Task<PagedResult<GuestListItem>> ListAsync(Guid eventId, GuestFilter filter, CancellationToken ct = default)
    {
        var pageSize = Math.Clamp(filter.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, filter.Page);
        var query = Filtered(eventId, filter);
        var total = await query.CountAsync(ct);
        var items = await Project(query.Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync(ct);
        return new PagedResult<GuestListItem>(items, total, page, pageSize);
    }

    public static IQueryable<GuestListItem> Project(IQueryable<Guest> query) =>
        query.Select(g => new GuestListItem(g.Id, g.FamilyName, g.GivenName, g.FamilyNameLatin, g.GivenNameLatin, g.Organisation,
            g.CountryCode, g.Category!.Code, g.CategoryId, g.Status, g.ParticipationMode, g.Delegation != null ? g.Delegation.Name : null,
            g.Email, g.UpdatedAt, g.ConcurrencyStamp));

    public async Task<Dictionary<GuestStatus, int>> CountByStatusAsync(Guid eventId, CancellationToken ct = default) =>
        await db.Guests.Where(g => g.EventId == eventId).GroupBy(g => g.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
}
