using Microsoft.EntityFrameworkCore;
using Summit.Server.Guests.Domain;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Guests;

/// <summary>What another module may know of a guest: enough to issue, print and check a credential; no contact or passport data.</summary>
public sealed record GuestCard(
    Guid Id, Guid EventId, string Name, string OriginalName, string? Title, string Organisation, string? Position, string CountryCode,
    Guid CategoryId, GuestStatus Status, ParticipationMode ParticipationMode, bool HasPhoto, string Language, Guid? DelegationId);

/// <summary>An accreditation category as other modules see it.</summary>
public sealed record CategoryCard(Guid Id, string Code, string NameEn, string NameZh, string Colour, int SortOrder)
{
    public string Name(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? NameZh : NameEn;
}

/// <summary>Told about changes to guests that other modules must follow, inside the same unit of work.</summary>
public interface IGuestObserver
{
    /// <summary>The guest moved to another status (withdrawn, rejected...).</summary>
    Task OnStatusChangedAsync(Guid guestId, GuestStatus from, GuestStatus to, CancellationToken ct);

    /// <summary>The guest's accreditation category changed.</summary>
    Task OnCategoryChangedAsync(Guid guestId, Guid fromCategoryId, Guid toCategoryId, CancellationToken ct);
}

/// <summary>
/// The public surface of the Guests module for other modules (Access, later Operations): guest cards, and the two pipeline
/// steps other modules cause (accredited when a credential is issued, arrived at the first admitted entry).
/// </summary>
public sealed class GuestDirectory(SummitDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<GuestCard?> FindAsync(Guid id, CancellationToken ct = default) =>
        (await GetCardsAsync([id], ct)).FirstOrDefault();

    public async Task<List<GuestCard>> GetCardsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
    {
        var guests = await db.Guests.AsNoTracking().Where(g => ids.Contains(g.Id)).ToListAsync(ct);
        return [.. guests.Select(ToCard)];
    }

    public async Task<List<CategoryCard>> CategoriesAsync(Guid eventId, CancellationToken ct = default) =>
        await db.Categories.AsNoTracking().Where(c => c.EventId == eventId).OrderBy(c => c.SortOrder)
            .Select(c => new CategoryCard(c.Id, c.Code, c.NameEn, c.NameZh, c.Colour, c.SortOrder)).ToListAsync(ct);

    /// <summary>The ids of the event's guests matching a selection, for batch operations (issue, print).</summary>
    public async Task<List<Guid>> SelectAsync(Guid eventId, Guid? categoryId, Guid? delegationId, IReadOnlyCollection<GuestStatus> statuses,
        CancellationToken ct = default)
    {
        var query = db.Guests.AsNoTracking().Where(g => g.EventId == eventId && statuses.Contains(g.Status));
        if (categoryId is { } category)
        {
            query = query.Where(g => g.CategoryId == category);
        }

        if (delegationId is { } delegation)
        {
            query = query.Where(g => g.DelegationId == delegation);
        }

        return await query.OrderBy(g => g.FamilyNameLatin).ThenBy(g => g.GivenNameLatin).Select(g => g.Id).ToListAsync(ct);
    }

    /// <summary>Moves an approved guest to Accredited (a credential was issued); other statuses are left alone. Joins the caller's unit of work.</summary>
    public async Task MarkAccreditedAsync(Guid guestId, CancellationToken ct = default)
    {
        var guest = await db.Guests.FirstOrDefaultAsync(g => g.Id == guestId, ct)
            ?? throw new SummitException(SummitError.NotFound(ErrorCodes.GuestNotFound, guestId));
        if (guest.Status == GuestStatus.Approved)
        {
            await MoveAsync(guest, GuestStatus.Accredited);
        }
    }

    /// <summary>Moves accredited guests to Arrived (their first admitted entry). Joins the caller's unit of work.</summary>
    public async Task<int> MarkArrivedAsync(IReadOnlyCollection<Guid> guestIds, CancellationToken ct = default)
    {
        var guests = await db.Guests.Where(g => guestIds.Contains(g.Id) && g.Status == GuestStatus.Accredited).ToListAsync(ct);
        foreach (var guest in guests)
        {
            await MoveAsync(guest, GuestStatus.Arrived);
        }

        return guests.Count;
    }

    private async Task MoveAsync(Guest guest, GuestStatus to)
    {
        var from = guest.Status;
        var now = clock.GetUtcNow();
        guest.Status = to;
        guest.StatusReason = null;
        guest.StatusChangedAt = now;
        guest.UpdatedAt = now;
        guest.ConcurrencyStamp = Guid.NewGuid();
        await audit.RecordAsync(AuditActions.GuestStatusChanged, "guest", guest.Id.ToString(),
            new Dictionary<string, (object?, object?)> { ["status"] = (from, to) });
    }

    private static GuestCard ToCard(Guest g) => new(
        g.Id, g.EventId, g.DisplayName, PersonNames.Original(g.FamilyName, g.GivenName), g.Title, g.Organisation,
        g.Position, g.CountryCode, g.CategoryId, g.Status, g.ParticipationMode, g.HasPhoto, g.Language, g.DelegationId);
}
