using Summit.Server.Incidents.Photos;
using Summit.Server.Incidents.Progress;
using Summit.Server.Incidents.Raising;
using Summit.Server.Incidents.Reading;
using Summit.Server.Infrastructure.Errors;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Images;
using Summit.Server.Infrastructure.Incidents;

namespace Summit.Server.Incidents;

/// <summary>REST endpoints of incidents under /api/v1/incidents. A number is "INC-0042" or "42".</summary>
public static class IncidentsApi
{
    public static RouteGroupBuilder MapIncidentsApi(this RouteGroupBuilder api)
    {
        var incidents = api.MapGroup("/incidents").WithTags("Incidents");
        incidents.MapGet("/", (IncidentReadService service, IncidentStatus? status, IncidentSeverity? severity, IncidentType? type, string? team,
                    bool? active, CancellationToken ct) =>
                service.ListAsync(new IncidentFilter(status, severity, type, team, active ?? false), ct))
            .RequireAuthorization(Policies.IncidentsView).WithSummary("Incidents of the event, unresolved first, with their SLA clocks");
        incidents.MapPost("/", async (IncidentInput input, StaffReportService service, CancellationToken ct) =>
            {
                var created = await service.CreateAsync(input, ct: ct);
                return TypedResults.Created($"/api/v1/incidents/{created.Summary.Number}", created);
            })
            .RequireAuthorization(Policies.IncidentsRaise).WithSummary("Report a problem (any staff); its team is told at once");
        incidents.MapGet("/{number}", (string number, IncidentReadService service, CancellationToken ct) => service.GetAsync(number, ct))
            .RequireAuthorization(Policies.IncidentsView).WithSummary("An incident with its evidence, timeline and photos");
        incidents.MapPost("/{number}/transitions", (string number, TransitionRequest request, TransitionService service, CancellationToken ct) =>
                service.TransitionAsync(number, request, ct))
            .RequireAuthorization(Policies.IncidentsAct)
            .WithSummary("Acknowledge, start, resolve (with a note), close, or reopen (with a reason): its team, the operations centre or admin");
        incidents.MapPost("/{number}/assignment", (string number, AssignRequest request, AssignmentService service, CancellationToken ct) =>
                service.AssignAsync(number, request, ct))
            .RequireAuthorization(Policies.IncidentsAssign).WithSummary("Give an incident to a team, a person, or both; they are told at once");
        incidents.MapPost("/{number}/comments", (string number, CommentRequest request, CommentService service, CancellationToken ct) =>
                service.CommentAsync(number, request, ct))
            .RequireAuthorization(Policies.IncidentsAct).WithSummary("Add a comment to the timeline");
        incidents.MapPost("/{number}/photos", async (string number, IFormFile photo, IncidentPhotoService service, CancellationToken ct) =>
            {
                // Refused before reading: a huge upload never reaches memory.
                if (photo.Length > PhotoProcessor.MaxBytes)
                {
                    throw new SummitException(SummitError.Of(ErrorCodes.PhotoTooLarge, PhotoProcessor.MaxBytes / (1024 * 1024)));
                }

                using var buffer = new MemoryStream((int)photo.Length);
                await photo.CopyToAsync(buffer, ct);
                var stored = await service.AddPhotoAsync(number, buffer.ToArray(), ct);
                return TypedResults.Created($"/api/v1/incidents/{number}/photos/{stored.Id}", stored);
            })
            .DisableAntiforgery()
            .WithUploadLimit(PhotoProcessor.MaxBytes, ErrorCodes.PhotoTooLarge)
            .RequireAuthorization(Policies.IncidentsAct).WithSummary("Attach a photo (JPEG or PNG up to 5 MB, re-encoded and encrypted)");
        incidents.MapGet("/{number}/photos/{photoId:guid}", async (string number, Guid photoId, IncidentPhotoService service, CancellationToken ct) =>
                Results.File(await service.GetPhotoAsync(number, photoId, ct), "image/jpeg"))
            .RequireAuthorization(Policies.IncidentsView).WithSummary("A photo as JPEG (each view is audited)");
        incidents.MapGet("/assignees", (AssignmentService service, CancellationToken ct) => service.AssigneesAsync(ct))
            .RequireAuthorization(Policies.IncidentsAssign).WithSummary("Staff who may be given an incident, with their teams");

        var notifications = api.MapGroup("/notifications").WithTags("Incidents");
        notifications.MapGet("/", async (IncidentInbox inbox, int? count, CancellationToken ct) =>
                new { unread = await inbox.UnreadCountAsync(ct), items = await inbox.LatestAsync(count ?? 20, ct) })
            .RequireAuthorization(Policies.IncidentsRaise).WithSummary("The signed-in user's incident notifications, newest first");
        notifications.MapPost("/read", async (IncidentInbox inbox, CancellationToken ct) => new { marked = await inbox.MarkAllReadAsync(ct) })
            .RequireAuthorization(Policies.IncidentsRaise).WithSummary("Mark all of the signed-in user's notifications read");
        var sla = api.MapGroup("/incidents/sla").WithTags("Incidents");
        sla.MapGet("", (IncidentSlaSettingsService settings, CancellationToken ct) => settings.GetAsync(ct))
            .RequireAuthorization(Policies.IncidentsView).WithSummary("The SLA targets in force per severity, the configured defaults, who set them and when");
        sla.MapPut("", (SlaSettingsInput input, IncidentSlaSettingsService settings, CancellationToken ct) => settings.SetAsync(input, ct))
            .RequireAuthorization(Policies.OperationsSettingsManage)
            .WithSummary("Set the current event's SLA targets (1 minute to a week; resolve at least acknowledge; ordered by severity); audited");
        return api;
    }
}
