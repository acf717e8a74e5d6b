using System.Net.Mail;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Summit.Server.Access.Contracts;
using Summit.Server.Events.Contracts;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Venues.Blockings;

namespace Summit.Server.Venues.Rooms;

/// <summary>The venues of the current event and their rooms: created, changed and listed; every change audited.</summary>
public sealed partial class RoomService(SummitDbContext db, IEventCalendar events, IZoneDirectory zones, AuditLog audit, Localizer localizer,
    IOptions<VenuesOptions> options, BlockingClosures closures)
{
    public async Task<List<VenueView>> ListVenuesAsync(CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var venues = await db.Set<Venue>().AsNoTracking().Where(v => v.EventId == summitEvent.Id).ToListAsync(ct);
        return [.. venues.OrderBy(v => v.SortOrder).ThenBy(v => v.NameEn, StringComparer.Ordinal).Select(ToView)];
    }

    public async Task<VenueView> CreateVenueAsync(VenueInput input, CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var venue = new Venue { EventId = summitEvent.Id };
        await ApplyAsync(venue, input, ct);
        db.Set<Venue>().Add(venue);
        await audit.RecordAsync(VenuesAudit.VenueCreated, "venue", venue.Id.ToString(), new Dictionary<string, (object?, object?)>
        {
            ["nameEn"] = (null, venue.NameEn),
            ["nameZh"] = (null, venue.NameZh),
        });
        await db.SaveChangesAsync(ct);
        return ToView(venue);
    }

    public async Task<VenueView> UpdateVenueAsync(Guid id, VenueInput input, CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var venue = await db.Set<Venue>().FirstOrDefaultAsync(v => v.Id == id && v.EventId == summitEvent.Id, ct)
            ?? throw new SummitException(SummitError.NotFound(VenuesErrors.VenueNotFound, id));
        var before = new Dictionary<string, object?> { ["nameEn"] = venue.NameEn, ["nameZh"] = venue.NameZh, ["sortOrder"] = venue.SortOrder };
        await ApplyAsync(venue, input, ct);
        var changes = AuditLog.Diff(before, new Dictionary<string, object?> { ["nameEn"] = venue.NameEn, ["nameZh"] = venue.NameZh, ["sortOrder"] = venue.SortOrder });
        if (changes.Count > 0)
        {
            await audit.RecordAsync(VenuesAudit.VenueUpdated, "venue", venue.Id.ToString(), changes);
            await db.SaveChangesAsync(ct);
        }

        return ToView(venue);
    }

    /// <summary>The rooms of the current event, by venue and order.</summary>
    public async Task<List<RoomView>> ListRoomsAsync(Guid? venueId = null, CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var venues = await db.Set<Venue>().AsNoTracking().Where(v => v.EventId == summitEvent.Id).ToDictionaryAsync(v => v.Id, ct);
        var ids = venues.Keys.ToList();
        var rooms = await db.Set<Room>().AsNoTracking().Where(r => ids.Contains(r.VenueId)).ToListAsync(ct);
        var zoneCodes = (await zones.ListZonesAsync(ct)).ToDictionary(z => z.Id, z => z.Code);
        return [.. rooms.Where(r => venueId is null || r.VenueId == venueId)
            .OrderBy(r => venues[r.VenueId].SortOrder).ThenBy(r => venues[r.VenueId].NameEn, StringComparer.Ordinal)
            .ThenBy(r => r.SortOrder).ThenBy(r => r.Code, StringComparer.Ordinal)
            .Select(r => RoomView.From(r, venues[r.VenueId], r.ZoneId is { } z ? zoneCodes.GetValueOrDefault(z) : null))];
    }

    public async Task<RoomView> GetRoomAsync(Guid id, CancellationToken ct = default) =>
        (await ListRoomsAsync(null, ct)).FirstOrDefault(r => r.Id == id) ?? throw new SummitException(SummitError.NotFound(VenuesErrors.RoomNotFound, id));

    public async Task<RoomView> CreateRoomAsync(RoomInput input, CancellationToken ct = default)
    {
        var room = new Room();
        var (venue, zoneCode) = await ApplyAsync(room, input, ct);
        db.Set<Room>().Add(room);
        await audit.RecordAsync(VenuesAudit.RoomCreated, "room", room.Id.ToString(), AuditLog.Diff(new Dictionary<string, object?>(), Snapshot(room)));
        await db.SaveChangesAsync(ct);
        return RoomView.From(room, venue, zoneCode);
    }

    public async Task<RoomView> UpdateRoomAsync(Guid id, RoomInput input, CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var venueIds = await db.Set<Venue>().Where(v => v.EventId == summitEvent.Id).Select(v => v.Id).ToListAsync(ct);
        var room = await db.Set<Room>().FirstOrDefaultAsync(r => r.Id == id && venueIds.Contains(r.VenueId), ct)
            ?? throw new SummitException(SummitError.NotFound(VenuesErrors.RoomNotFound, id));
        var before = Snapshot(room);
        var zoneBefore = room.ZoneId;
        var (venue, zoneCode) = await ApplyAsync(room, input, ct);
        var changes = AuditLog.Diff(before, Snapshot(room));
        if (changes.Count > 0)
        {
            await audit.RecordAsync(VenuesAudit.RoomUpdated, "room", room.Id.ToString(), changes);
            if (room.ZoneId != zoneBefore)
            {
                // The blockings of the room close its new zone from now on (saved with the room).
                await closures.ZoneChangedAsync(room.Id, room.ZoneId, ct);
            }

            await db.SaveChangesAsync(ct);
        }

        return RoomView.From(room, venue, zoneCode);
    }

    private async Task ApplyAsync(Venue venue, VenueInput input, CancellationToken ct)
    {
        var checks = new FieldChecks(localizer);
        var nameEn = checks.Required("nameEn", "venues.field.name_en", input.NameEn, VenueLimits.NameLength);
        var nameZh = checks.Required("nameZh", "venues.field.name_zh", input.NameZh, VenueLimits.NameLength);
        if (!checks.HasProblem("nameEn")
            && await db.Set<Venue>().AnyAsync(v => v.EventId == venue.EventId && v.Id != venue.Id && v.NameEn == nameEn, ct))
        {
            checks.Add("nameEn", "venues.field.name_en", VenuesErrors.VenueNameTaken, nameEn);
        }

        checks.ThrowIfAny();
        (venue.NameEn, venue.NameZh, venue.SortOrder) = (nameEn, nameZh, input.SortOrder);
    }

    private async Task<(Venue Venue, string? ZoneCode)> ApplyAsync(Room room, RoomInput input, CancellationToken ct)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var checks = new FieldChecks(localizer);
        var venue = await db.Set<Venue>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == input.VenueId && v.EventId == summitEvent.Id, ct);
        if (venue is null)
        {
            checks.Add("venueId", "venues.field.venue", VenuesErrors.VenueUnknown, input.VenueId);
        }

        var code = checks.Required("code", "venues.field.code", input.Code, VenueLimits.CodeLength);
        if (!checks.HasProblem("code") && !RoomCode().IsMatch(code))
        {
            checks.Add("code", "venues.field.code", VenuesErrors.RoomCodeInvalid);
        }
        else if (!checks.HasProblem("code") && venue is not null
            && await db.Set<Room>().AnyAsync(r => r.VenueId == venue.Id && r.Id != room.Id && r.Code == code, ct))
        {
            checks.Add("code", "venues.field.code", VenuesErrors.RoomCodeTaken, code);
        }

        var nameEn = checks.Required("nameEn", "venues.field.name_en", input.NameEn, VenueLimits.NameLength);
        var nameZh = checks.Required("nameZh", "venues.field.name_zh", input.NameZh, VenueLimits.NameLength);
        var building = Optional(checks, "building", "venues.field.building", input.Building, VenueLimits.BuildingLength);
        var floor = Optional(checks, "floor", "venues.field.floor", input.Floor, VenueLimits.FloorLength);
        var features = Optional(checks, "features", "venues.field.features", input.Features, VenueLimits.FeaturesLength);
        var accessibility = Optional(checks, "accessibilityNote", "venues.field.accessibility", input.AccessibilityNote, VenueLimits.NoteLength);
        InRange(checks, "theatreCapacity", "venues.field.capacity_theatre", input.TheatreCapacity, 0, VenueLimits.MaxCapacity);
        InRange(checks, "classroomCapacity", "venues.field.capacity_classroom", input.ClassroomCapacity, 0, VenueLimits.MaxCapacity);
        InRange(checks, "banquetCapacity", "venues.field.capacity_banquet", input.BanquetCapacity, 0, VenueLimits.MaxCapacity);
        InRange(checks, "boardroomCapacity", "venues.field.capacity_boardroom", input.BoardroomCapacity, 0, VenueLimits.MaxCapacity);
        var setup = input.SetupMinutes ?? options.Value.DefaultSetupMinutes;
        var teardown = input.TeardownMinutes ?? options.Value.DefaultTeardownMinutes;
        InRange(checks, "setupMinutes", "venues.field.setup", setup, 0, VenueLimits.MaxBufferMinutes);
        InRange(checks, "teardownMinutes", "venues.field.teardown", teardown, 0, VenueLimits.MaxBufferMinutes);
        if (input.OpensAt.HasValue != input.ClosesAt.HasValue || input.OpensAt >= input.ClosesAt)
        {
            checks.Add("closesAt", "venues.field.hours", VenuesErrors.HoursInvalid);
        }

        string? zoneCode = null;
        if (input.ZoneId is { } zoneId)
        {
            var zone = (await zones.ListZonesAsync(ct)).FirstOrDefault(z => z.Id == zoneId);
            if (zone is null)
            {
                checks.Add("zoneId", "venues.field.zone", ErrorCodes.ZoneUnknown, zoneId);
            }

            zoneCode = zone?.Code;
        }

        if (input.NoShowMinutes is { } noShow)
        {
            InRange(checks, "noShowMinutes", "venues.field.no_show", noShow, 1, VenueLimits.MaxNoShowMinutes);
        }

        var crewEmail = Optional(checks, "crewEmail", "venues.field.crew_email", input.CrewEmail, VenueLimits.EmailLength);
        if (crewEmail.Length > 0 && !checks.HasProblem("crewEmail") && (!MailAddress.TryCreate(crewEmail, out var parsed) || parsed.Address != crewEmail))
        {
            checks.Add("crewEmail", "venues.field.crew_email", VenuesErrors.EmailInvalid);
        }

        checks.ThrowIfAny();
        room.VenueId = venue!.Id;
        room.Code = code;
        room.NameEn = nameEn;
        room.NameZh = nameZh;
        room.Building = building;
        room.Floor = floor;
        room.TheatreCapacity = input.TheatreCapacity;
        room.ClassroomCapacity = input.ClassroomCapacity;
        room.BanquetCapacity = input.BanquetCapacity;
        room.BoardroomCapacity = input.BoardroomCapacity;
        room.Features = features;
        room.AccessibilityNote = accessibility;
        room.OpensAt = input.OpensAt;
        room.ClosesAt = input.ClosesAt;
        room.SetupMinutes = setup;
        room.TeardownMinutes = teardown;
        room.ZoneId = input.ZoneId;
        room.SortOrder = input.SortOrder;
        room.NoShowMinutes = input.NoShowMinutes;
        room.CrewEmail = crewEmail;
        return (venue, zoneCode);
    }

    internal static string Optional(FieldChecks checks, string field, string labelKey, string? value, int max)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length > max)
        {
            checks.Add(field, labelKey, ErrorCodes.FieldTooLong, max);
        }

        return trimmed;
    }

    internal static void InRange(FieldChecks checks, string field, string labelKey, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            checks.Add(field, labelKey, ErrorCodes.NumberOutOfRange, min, max);
        }
    }

    private static Dictionary<string, object?> Snapshot(Room r) => new()
    {
        ["venueId"] = r.VenueId,
        ["code"] = r.Code,
        ["nameEn"] = r.NameEn,
        ["nameZh"] = r.NameZh,
        ["building"] = r.Building,
        ["floor"] = r.Floor,
        ["theatre"] = r.TheatreCapacity,
        ["classroom"] = r.ClassroomCapacity,
        ["banquet"] = r.BanquetCapacity,
        ["boardroom"] = r.BoardroomCapacity,
        ["features"] = r.Features,
        ["accessibility"] = r.AccessibilityNote,
        ["opensAt"] = r.OpensAt,
        ["closesAt"] = r.ClosesAt,
        ["setupMinutes"] = r.SetupMinutes,
        ["teardownMinutes"] = r.TeardownMinutes,
        ["zoneId"] = r.ZoneId,
        ["sortOrder"] = r.SortOrder,
        ["noShowMinutes"] = r.NoShowMinutes,
        ["crewEmail"] = r.CrewEmail,
    };

    private static VenueView ToView(Venue v) => new(v.Id, v.NameEn, v.NameZh, v.SortOrder);

    [GeneratedRegex("^[A-Za-z0-9._-]{1,32}$")]
    private static partial Regex RoomCode();
}
