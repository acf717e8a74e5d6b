using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Summit.Server.Events.Contracts;
using Summit.Server.Guests.Domain;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Guests.Categories;

/// <summary>The accreditation categories of the current event: the organizer adds and edits them; every change is audited.</summary>
public sealed partial class CategoryService(SummitDbContext db, IEventCalendar events, AuditLog audit, Localizer localizer)
{
    public async Task<List<CategoryDetail>> ListAsync(CancellationToken ct = default)
    {
        var eventId = (await events.GetCurrentAsync(ct)).Id;
        return await db.Categories.AsNoTracking().Where(c => c.EventId == eventId).OrderBy(c => c.SortOrder).ThenBy(c => c.Code)
            .Select(c => new CategoryDetail(c.Id, c.Code, c.NameEn, c.NameZh, c.Colour, c.SortOrder)).ToListAsync(ct);
    }

    public async Task<CategoryDetail> CreateAsync(CategoryInput input, CancellationToken ct = default)
    {
        var eventId = (await events.GetCurrentAsync(ct)).Id;
        var category = new AccreditationCategory { EventId = eventId };
        var sortOrder = input.SortOrder
            ?? (await db.Categories.Where(c => c.EventId == eventId).MaxAsync(c => (int?)c.SortOrder, ct) ?? -1) + 1;
        await ApplyAsync(category, input with { SortOrder = sortOrder }, ct);
        db.Categories.Add(category);
        await audit.RecordAsync(AuditActions.CategoryCreated, "category", category.Id.ToString(), AuditLog.Diff(new Dictionary<string, object?>(), Snapshot(category)));
        await SaveAsync(category, ct);
        return CategoryDetail.From(category);
    }

    public async Task<CategoryDetail> UpdateAsync(Guid id, CategoryInput input, CancellationToken ct = default)
    {
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new SummitException(SummitError.NotFound(GuestErrors.CategoryNotFound, id));
        var before = Snapshot(category);
        await ApplyAsync(category, input with { SortOrder = input.SortOrder ?? category.SortOrder }, ct);
        await audit.RecordAsync(AuditActions.CategoryUpdated, "category", category.Id.ToString(), AuditLog.Diff(before, Snapshot(category)));
        await SaveAsync(category, ct);
        return CategoryDetail.From(category);
    }

    private async Task ApplyAsync(AccreditationCategory category, CategoryInput input, CancellationToken ct)
    {
        var checks = new FieldChecks(localizer);
        var code = checks.Required("code", "admin.category.code", input.Code, 32);
        if (!checks.HasProblem("code") && !CodePattern().IsMatch(code))
        {
            checks.Add("code", "admin.category.code", GuestErrors.CategoryCodeInvalid, code);
        }

        var nameEn = checks.Required("nameEn", "admin.category.name_en", input.NameEn, 100);
        var nameZh = checks.Required("nameZh", "admin.category.name_zh", input.NameZh, 100);
        var colour = input.Colour?.Trim() ?? "";
        if (!ColourPattern().IsMatch(colour))
        {
            checks.Add("colour", "admin.category.colour", GuestErrors.ColourInvalid, colour);
        }

        checks.ThrowIfAny();

        // Imports and the guest form look categories up by code ignoring case, so "vip" and "VIP" cannot both exist.
        var otherCodes = await db.Categories.Where(c => c.EventId == category.EventId && c.Id != category.Id).Select(c => c.Code).ToListAsync(ct);
        if (otherCodes.Contains(code, StringComparer.OrdinalIgnoreCase))
        {
            throw new SummitException(SummitError.Conflict(GuestErrors.CategoryCodeDuplicate, code));
        }

        category.Code = code;
        category.NameEn = nameEn;
        category.NameZh = nameZh;
        category.Colour = colour.ToUpperInvariant();
        category.SortOrder = input.SortOrder!.Value;
    }

    private async Task SaveAsync(AccreditationCategory category, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // Two people adding the same code at the same moment: the unique index decides.
            throw new SummitException(SummitError.Conflict(GuestErrors.CategoryCodeDuplicate, category.Code));
        }
    }

    private static Dictionary<string, object?> Snapshot(AccreditationCategory c) => new()
    {
        ["code"] = c.Code,
        ["nameEn"] = c.NameEn,
        ["nameZh"] = c.NameZh,
        ["colour"] = c.Colour,
        ["sortOrder"] = c.SortOrder,
    };

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]*$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex ColourPattern();
}
