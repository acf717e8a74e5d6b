using Microsoft.EntityFrameworkCore;
using Summit.Server.Events.Contracts;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Venues.Rooms;

namespace Summit.Server.Venues.Equipment;

/// <summary>The event's mobile equipment stock: items and how many of each there are; every change audited.</summary>
public sealed class EquipmentService(SummitDbContext db, IEventCalendar events, AuditLog audit, Localizer localizer)
{
    public async Task<List<EquipmentView>> ListAsync(CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var items = await db.Set<EquipmentItem>().AsNoTracking().Where(e => e.EventId == summitEvent.Id).ToListAsync(ct);
        return [.. items.OrderBy(e => e.NameEn, StringComparer.Ordinal).Select(EquipmentView.From)];
    }

    public async Task<EquipmentView> CreateAsync(EquipmentInput input, CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var item = new EquipmentItem { EventId = summitEvent.Id };
        await ApplyAsync(item, input, ct);
        db.Set<EquipmentItem>().Add(item);
        await audit.RecordAsync(VenuesAudit.EquipmentCreated, "equipment", item.Id.ToString(), new Dictionary<string, (object?, object?)>
        {
            ["nameEn"] = (null, item.NameEn),
            ["nameZh"] = (null, item.NameZh),
            ["quantity"] = (null, item.Quantity),
        });
        await db.SaveChangesAsync(ct);
        return EquipmentView.From(item);
    }

    /// <summary>
    /// Changes an item's names or stock. Lowering the stock below what confirmed bookings already use is allowed (a kit broke): those
    /// bookings stay, and the next booking that needs the item at that time is refused as short.
    /// </summary>
    public async Task<EquipmentView> UpdateAsync(Guid id, EquipmentInput input, CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var item = await db.Set<EquipmentItem>().FirstOrDefaultAsync(e => e.Id == id && e.EventId == summitEvent.Id, ct)
            ?? throw new SummitException(SummitError.NotFound(VenuesErrors.EquipmentNotFound, id));
        var before = new Dictionary<string, object?> { ["nameEn"] = item.NameEn, ["nameZh"] = item.NameZh, ["quantity"] = item.Quantity };
        await ApplyAsync(item, input, ct);
        var changes = AuditLog.Diff(before, new Dictionary<string, object?> { ["nameEn"] = item.NameEn, ["nameZh"] = item.NameZh, ["quantity"] = item.Quantity });
        if (changes.Count > 0)
        {
            await audit.RecordAsync(VenuesAudit.EquipmentUpdated, "equipment", item.Id.ToString(), changes);
            await db.SaveChangesAsync(ct);
        }

        return EquipmentView.From(item);
    }

    private async Task ApplyAsync(EquipmentItem item, EquipmentInput input, CancellationToken ct)
    {
        var checks = new FieldChecks(localizer);
        var nameEn = checks.Required("nameEn", "venues.field.name_en", input.NameEn, VenueLimits.NameLength);
        var nameZh = checks.Required("nameZh", "venues.field.name_zh", input.NameZh, VenueLimits.NameLength);
        RoomService.InRange(checks, "quantity", "venues.field.quantity", input.Quantity, 0, VenueLimits.MaxEquipmentQuantity);
        if (!checks.HasProblem("nameEn")
            && await db.Set<EquipmentItem>().AnyAsync(e => e.EventId == item.EventId && e.Id != item.Id && e.NameEn == nameEn, ct))
        {
            checks.Add("nameEn", "venues.field.name_en", VenuesErrors.EquipmentNameTaken, nameEn);
        }

        checks.ThrowIfAny();
        (item.NameEn, item.NameZh, item.Quantity) = (nameEn, nameZh, input.Quantity);
    }
}
