using Microsoft.EntityFrameworkCore;
using Summit.Server.Events.Contracts;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Programme.Rules;
using Summit.Server.Venues.Contracts;

namespace Summit.Server.Programme.Settings;

/// <summary>
/// The event's rule severities, changeover and travel times. A change applies to the next edit: conflicts that exist already are not undone,
/// and a rule made stricter refuses only edits that bring in new conflicts of it.
/// </summary>
public sealed class ProgrammeSettingsService(SummitDbContext db, IEventCalendar events, IRoomReservations reservations, AuditLog audit, Localizer localizer)
{
    public async Task<ProgrammeSettingsView> GetAsync(CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var settings = await LoadAsync(summitEvent.Id, tracked: false, ct) ?? new ProgrammeSettings { EventId = summitEvent.Id };
        return await ToViewAsync(settings, ct);
    }

    public async Task<ProgrammeSettingsView> UpdateAsync(ProgrammeSettingsInput input, CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var venues = (await reservations.ListRoomsAsync(ct)).Select(r => r.VenueId).ToHashSet();
        var checks = new FieldChecks(localizer);
        ProgrammeFields.InRange(checks, "bufferMinutes", "programme.field.buffer", input.BufferMinutes, 0, ProgrammeLimits.MaxBufferMinutes);
        ProgrammeFields.InRange(checks, "defaultTravelMinutes", "programme.field.travel", input.DefaultTravelMinutes, 0, ProgrammeLimits.MaxTravelMinutes);
        var languages = ProgrammeFields.Languages(checks, "requiredLanguages", "programme.field.required_languages", input.RequiredLanguages ?? ["en", "zh-Hans"]);
        foreach (var rule in input.Rules ?? [])
        {
            ProgrammeFields.Known(checks, "rules", "programme.field.rule", rule.Rule);
            ProgrammeFields.Known(checks, "rules", "programme.field.severity", rule.Severity);
        }

        var travel = new Dictionary<(Guid, Guid), int>();
        foreach (var pair in input.TravelTimes ?? [])
        {
            ProgrammeFields.InRange(checks, "travelTimes", "programme.field.travel", pair.Minutes, 0, ProgrammeLimits.MaxTravelMinutes);
            if (pair.VenueAId == pair.VenueBId || !venues.Contains(pair.VenueAId) || !venues.Contains(pair.VenueBId))
            {
                checks.Add("travelTimes", "programme.field.travel", ProgrammeErrors.TravelPairInvalid);
                continue;
            }

            travel[pair.VenueAId.CompareTo(pair.VenueBId) < 0 ? (pair.VenueAId, pair.VenueBId) : (pair.VenueBId, pair.VenueAId)] = pair.Minutes;
        }

        if (input.InterpretationKitId is { } kit && !(await reservations.ListEquipmentAsync(ct)).Any(e => e.Id == kit))
        {
            checks.Add("interpretationKitId", "programme.field.interpretation_kit", ProgrammeErrors.EquipmentUnknown, kit);
        }

        checks.ThrowIfAny();
        var settings = await LoadAsync(summitEvent.Id, tracked: true, ct);
        if (settings is null)
        {
            settings = new ProgrammeSettings { EventId = summitEvent.Id };
            db.Set<ProgrammeSettings>().Add(settings);
        }

        var before = Snapshot(settings);
        (settings.BufferMinutes, settings.DefaultTravelMinutes, settings.RequiredLanguages) = (input.BufferMinutes, input.DefaultTravelMinutes, languages);
        settings.InterpretationKitId = input.InterpretationKitId;
        // Only what departs from the default is kept: a default changed later then applies to the events that never chose otherwise.
        var rules = (input.Rules ?? []).GroupBy(r => r.Rule).Select(g => g.Last()).Where(r => r.Severity != ProgrammeRules.DefaultSeverity(r.Rule))
            .ToDictionary(r => r.Rule, r => r.Severity);
        // Rows are changed in place (a row deleted and added again under its key would be tracked twice).
        foreach (var row in settings.Rules.ToList())
        {
            if (rules.Remove(row.Rule, out var severity))
            {
                row.Severity = severity;
            }
            else
            {
                settings.Rules.Remove(row);
                db.Set<ProgrammeRuleSetting>().Remove(row);
            }
        }

        settings.Rules.AddRange(rules.Select(r => new ProgrammeRuleSetting { EventId = summitEvent.Id, Rule = r.Key, Severity = r.Value }));
        foreach (var row in settings.TravelTimes.ToList())
        {
            if (travel.Remove((row.FirstVenueId, row.SecondVenueId), out var minutes))
            {
                row.Minutes = minutes;
            }
            else
            {
                settings.TravelTimes.Remove(row);
                db.Set<VenueTravelTime>().Remove(row);
            }
        }

        settings.TravelTimes.AddRange(travel.Select(t => new VenueTravelTime { EventId = summitEvent.Id, FirstVenueId = t.Key.Item1, SecondVenueId = t.Key.Item2, Minutes = t.Value }));
        var changes = AuditLog.Diff(before, Snapshot(settings));
        if (changes.Count > 0)
        {
            await audit.RecordAsync(ProgrammeAudit.SettingsUpdated, "programme_settings", summitEvent.Id.ToString(), changes);
        }

        await db.SaveChangesAsync(ct);
        return await ToViewAsync(settings, ct);
    }

    private async Task<ProgrammeSettings?> LoadAsync(Guid eventId, bool tracked, CancellationToken ct)
    {
        var query = db.Set<ProgrammeSettings>().Include(s => s.Rules).Include(s => s.TravelTimes).AsSplitQuery().Where(s => s.EventId == eventId);
        return await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(ct);
    }

    private async Task<ProgrammeSettingsView> ToViewAsync(ProgrammeSettings settings, CancellationToken ct)
    {
        var venues = (await reservations.ListRoomsAsync(ct)).GroupBy(r => r.VenueId).ToDictionary(g => g.Key, g => g.First());
        string En(Guid id) => venues.TryGetValue(id, out var r) ? r.VenueNameEn : id.ToString();
        string Zh(Guid id) => venues.TryGetValue(id, out var r) ? r.VenueNameZh : id.ToString();
        var severities = settings.Rules.ToDictionary(r => r.Rule, r => r.Severity);
        return new ProgrammeSettingsView(settings.BufferMinutes, settings.DefaultTravelMinutes,
            settings.RequiredLanguages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            [.. Enum.GetValues<ConflictRule>().Select(r => new RuleSeverityView(r, severities.GetValueOrDefault(r, ProgrammeRules.DefaultSeverity(r)),
                ProgrammeRules.DefaultSeverity(r)))],
            [.. settings.TravelTimes.Select(t => new TravelTimeView(t.FirstVenueId, En(t.FirstVenueId), Zh(t.FirstVenueId), t.SecondVenueId, En(t.SecondVenueId),
                Zh(t.SecondVenueId), t.Minutes))], settings.InterpretationKitId);
    }

    private static Dictionary<string, object?> Snapshot(ProgrammeSettings s) => new()
    {
        ["bufferMinutes"] = s.BufferMinutes,
        ["defaultTravelMinutes"] = s.DefaultTravelMinutes,
        ["requiredLanguages"] = s.RequiredLanguages,
        ["interpretationKitId"] = s.InterpretationKitId,
        ["rules"] = string.Join(", ", s.Rules.OrderBy(r => r.Rule).Select(r => $"{r.Rule}={r.Severity}")),
        ["travelTimes"] = string.Join(", ", s.TravelTimes.OrderBy(t => t.FirstVenueId).ThenBy(t => t.SecondVenueId)
            .Select(t => $"{t.FirstVenueId}/{t.SecondVenueId}={t.Minutes}")),
    };
}
