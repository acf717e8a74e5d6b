using Summit.Server.Incidents.Photos;
using Summit.Server.Incidents.Reading;
using Summit.Server.Infrastructure.Images;
using Summit.Server.Infrastructure.Incidents;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Incidents.Raising;

/// <summary>A problem raised by a person: routed to the team of its type, which is told at once.</summary>
public sealed class StaffReportService(IncidentStore store, IncidentViews views, IncidentOpening opening, IncidentPhotoService photos, Localizer localizer)
{
    /// <summary>A problem raised by a person: routed to the team of its type, which is told at once.</summary>
    /// <param name="photo">An optional photo, held to the guest photo rules: a bad one refuses the whole report.</param>
    public async Task<IncidentDetail> CreateAsync(IncidentInput input, byte[]? photo = null, CancellationToken ct = default)
    {
        var checks = new FieldChecks(localizer);
        if (input.Type is not { } type || !Enum.IsDefined(type))
        {
            checks.Add("type", "incidents.field.type", IncidentErrors.TypeUnknown);
        }

        if (input.Severity is not { } severity || !Enum.IsDefined(severity))
        {
            checks.Add("severity", "incidents.field.severity", IncidentErrors.SeverityUnknown);
        }

        var description = checks.Required("description", "incidents.field.description", input.Description, IncidentLimits.Description);
        var title = input.Title?.Trim() ?? "";
        if (title.Length > IncidentLimits.Title)
        {
            checks.Add("title", "incidents.field.title", ErrorCodes.FieldTooLong, IncidentLimits.Title);
        }

        var placeText = string.IsNullOrWhiteSpace(input.PlaceText) ? null : input.PlaceText.Trim();
        if (placeText?.Length > IncidentLimits.PlaceText)
        {
            checks.Add("placeText", "incidents.field.place", ErrorCodes.FieldTooLong, IncidentLimits.PlaceText);
        }

        var places = await views.PlacesAsync(ct);
        if (input.ZoneId is { } zoneId && !places.Zones.ContainsKey(zoneId))
        {
            checks.Add("zoneId", "incidents.field.zone", ErrorCodes.ZoneUnknown, zoneId);
        }

        if (input.GateId is { } gateId && !places.Gates.ContainsKey(gateId))
        {
            checks.Add("gateId", "incidents.field.gate", ErrorCodes.GateUnknown, gateId);
        }

        if (input.ZoneId is null && input.GateId is null && placeText is null)
        {
            checks.Add("place", "incidents.field.place", IncidentErrors.PlaceRequired);
        }

        checks.ThrowIfAny();
        if (title.Length == 0)
        {
            var firstLine = description.Split('\n')[0].Trim();
            title = firstLine.Length <= 80 ? firstLine : firstLine[..79] + "…";
        }

        // A gate lies in one zone: a report at a gate is also in its zone.
        var zone = input.ZoneId ?? (input.GateId is { } g ? places.Gates[g].ZoneId : null);
        var actor = await store.ActorAsync();
        var summitEvent = await store.CurrentEventAsync(ct);
        var incident = await opening.NewAsync(summitEvent.Id, input.Type!.Value, input.Severity!.Value, title, description,
            new IncidentPlace(zone, input.GateId, placeText), actor.Id, actor.Name, ct);
        var processed = photo is null ? null : PhotoProcessor.Process(photo);
        await opening.SaveNewAsync(incident, cause: null, evidence: null, ct);
        if (processed is not null)
        {
            await store.AppendAsync(incident, now => photos.StoreAsync(incident, processed, actor, now), ct);
        }

        return await views.DetailAsync(incident, ct);
    }
}
