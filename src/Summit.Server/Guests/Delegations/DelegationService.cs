using Microsoft.EntityFrameworkCore;
using Summit.Server.Events.Contracts;
using Summit.Server.Guests.Contracts;
using Summit.Server.Guests.Domain;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Guests.Delegations;

/// <summary>The delegations of the current event. The liaison must be one of the delegation's own guests.</summary>
public sealed class DelegationService(SummitDbContext db, IEventCalendar events, AuditLog audit, Localizer localizer)
{
    public async Task<List<DelegationSummary>> ListAsync(CancellationToken ct = default)
    {
        var eventId = (await events.GetCurrentAsync(ct)).Id;
        var delegations = await db.Delegations.AsNoTracking().Where(d => d.EventId == eventId).OrderBy(d => d.Name).ToListAsync(ct);
        var counts = await db.Guests.AsNoTracking().Where(g => g.EventId == eventId && g.DelegationId != null)
            .GroupBy(g => g.DelegationId!.Value).Select(g => new { Id = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Id, x => x.Count, ct);
        var liaisonIds = delegations.Where(d => d.LiaisonGuestId != null).Select(d => d.LiaisonGuestId!.Value).ToList();
        var liaisons = await db.Guests.AsNoTracking().Where(g => liaisonIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.DisplayName, ct);
        return [.. delegations.Select(d => new DelegationSummary(d.Id, d.Name, d.CountryCode, d.LiaisonGuestId,
            d.LiaisonGuestId is { } l ? liaisons.GetValueOrDefault(l) : null, counts.GetValueOrDefault(d.Id)))];
    }

    /// <summary>The guests of a delegation: the candidates for its liaison.</summary>
    public async Task<List<DelegationMember>> MembersAsync(Guid delegationId, CancellationToken ct = default)
    {
        var members = await db.Guests.AsNoTracking().Where(g => g.DelegationId == delegationId)
            .OrderBy(g => g.FamilyNameLatin).ThenBy(g => g.GivenNameLatin).ToListAsync(ct);
        return [.. members.Select(g => new DelegationMember(g.Id, g.DisplayName, g.Organisation))];
    }

    public async Task<DelegationDto> CreateAsync(DelegationInput input, CancellationToken ct = default)
    {
        var eventId = (await events.GetCurrentAsync(ct)).Id;
        var delegation = new Delegation { EventId = eventId };
        await ApplyAsync(delegation, input, ct);
        db.Delegations.Add(delegation);
        await audit.RecordAsync(AuditActions.DelegationCreated, "delegation", delegation.Id.ToString(), AuditLog.Diff(new Dictionary<string, object?>(), Snapshot(delegation)));
        await SaveAsync(delegation, ct);
        return ToDto(delegation);
    }

    public async Task<DelegationDto> UpdateAsync(Guid id, DelegationInput input, CancellationToken ct = default)
    {
        var delegation = await db.Delegations.FirstOrDefaultAsync(d => d.Id == id, ct)
            ?? throw new SummitException(SummitError.NotFound(GuestErrors.DelegationNotFound, id));
        var before = Snapshot(delegation);
        await ApplyAsync(delegation, input, ct);
        await audit.RecordAsync(AuditActions.DelegationUpdated, "delegation", delegation.Id.ToString(), AuditLog.Diff(before, Snapshot(delegation)));
        await SaveAsync(delegation, ct);
        return ToDto(delegation);
    }

    private async Task ApplyAsync(Delegation delegation, DelegationInput input, CancellationToken ct)
    {
        var checks = new FieldChecks(localizer);
        var name = checks.Required("name", "admin.delegation.name", input.Name, 200);
        var country = Countries.Find(input.Country);
        if (string.IsNullOrWhiteSpace(input.Country))
        {
            checks.Add("country", "field.country", ErrorCodes.FieldRequired);
        }
        else if (country is null)
        {
            checks.Add("country", "field.country", GuestErrors.CountryUnknown, input.Country);
        }

        checks.ThrowIfAny();

        // The guest form and the import find a delegation by name ignoring case, so names must differ by more than case.
        var otherNames = await db.Delegations.Where(d => d.EventId == delegation.EventId && d.Id != delegation.Id).Select(d => d.Name).ToListAsync(ct);
        if (otherNames.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            throw new SummitException(SummitError.Conflict(GuestErrors.DelegationNameDuplicate, name));
        }

        // The liaison completes the registrations of the members, so only a member may be one (a new delegation has none yet).
        if (input.LiaisonGuestId is { } liaison
            && !await db.Guests.AnyAsync(g => g.Id == liaison && g.DelegationId == delegation.Id, ct))
        {
            throw new SummitException(SummitError.Of(GuestErrors.LiaisonNotMember));
        }

        delegation.Name = name;
        delegation.CountryCode = country!.Code;
        delegation.LiaisonGuestId = input.LiaisonGuestId;
    }

    private async Task SaveAsync(Delegation delegation, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // Two people adding the same name at the same moment: the unique index decides.
            throw new SummitException(SummitError.Conflict(GuestErrors.DelegationNameDuplicate, delegation.Name));
        }
    }

    private static DelegationDto ToDto(Delegation d) => new(d.Id, d.Name, d.CountryCode, d.LiaisonGuestId);

    private static Dictionary<string, object?> Snapshot(Delegation d) => new()
    {
        ["name"] = d.Name,
        ["country"] = d.CountryCode,
        ["liaisonGuestId"] = d.LiaisonGuestId,
    };
}
