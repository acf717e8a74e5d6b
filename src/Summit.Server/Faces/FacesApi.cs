using System.Security.Claims;
using Summit.Server.Access.Contracts;
using Summit.Server.Faces.Enrolment;
using Summit.Server.Faces.Gate;
using Summit.Server.Faces.Settings;
using Summit.Server.Infrastructure.Errors;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Images;

namespace Summit.Server.Faces;

/// <summary>REST endpoints of the Faces module under /api/v1/faces. No endpoint returns a template.</summary>
public static class FacesApi
{
    public static RouteGroupBuilder MapFacesApi(this RouteGroupBuilder api)
    {
        var faces = api.MapGroup("/faces").WithTags("Faces");
        faces.MapGet("/guests/{id:guid}", (Guid id, FaceEnrolmentService service, CancellationToken ct) => service.GetAsync(id, ct))
            .RequireAuthorization(Policies.FacesEnrol).WithSummary("A guest's face consent and enrolment: state, source, the photo's issues (never the template)");
        faces.MapPost("/guests/{id:guid}/enrol-from-photo", (Guid id, FaceEnrolmentService service, CancellationToken ct) =>
                service.EnrolFromPortalPhotoAsync(id, ct))
            .RequireAuthorization(Policies.FacesEnrol)
            .WithSummary("Enrol a consenting guest from the portal photo now; refused without consent (nothing computed) or with the photo's issues");
        faces.MapPost("/guests/{id:guid}/desk-photo", async (Guid id, IFormFile photo, [Microsoft.AspNetCore.Mvc.FromForm] bool consentRecorded,
                FaceEnrolmentService service, CancellationToken ct) =>
            {
                // Refused before reading: a huge upload never reaches memory.
                if (photo.Length > PhotoProcessor.MaxBytes)
                {
                    throw new SummitException(SummitError.Of(ErrorCodes.PhotoTooLarge, PhotoProcessor.MaxBytes / (1024 * 1024)));
                }

                using var buffer = new MemoryStream((int)photo.Length);
                await photo.CopyToAsync(buffer, ct);
                return await service.EnrolFromDeskPhotoAsync(id, buffer.ToArray(), consentRecorded, ct);
            })
            .DisableAntiforgery()
            .WithUploadLimit(PhotoProcessor.MaxBytes, ErrorCodes.PhotoTooLarge)
            .RequireAuthorization(Policies.FacesEnrol)
            .WithSummary("Enrol from a photo taken at the accreditation desk (multipart: photo, consentRecorded); the guest's consent is required");

        faces.MapPut("/guests/{id:guid}/fast-lane", (Guid id, FastLaneInput input, FaceEnrolmentService service, CancellationToken ct) =>
                service.SetFastLaneAsync(id, input, ct))
            .RequireAuthorization(Policies.FacesEnrol)
            .WithSummary("Let an enrolled, consenting guest pass face lanes without a code (a VIP), or take that away; audited");

        faces.MapPut("/fast-lane", (FastLaneSelection selection, FaceEnrolmentService service, CancellationToken ct) =>
                service.SetFastLaneManyAsync(selection, ct))
            .RequireAuthorization(Policies.FacesEnrol)
            .WithSummary($"Give or take away the face lane for up to {FastLaneSelection.MaxGuests} guests at once; those refused are listed with the reason; audited per guest");

        faces.MapGet("/settings", (FaceSettingsService settings, CancellationToken ct) => settings.GetAsync(ct))
            .RequireAuthorization(Policies.OperationsSettingsManage).WithSummary("The event's face threshold and template retention, and the defaults");
        faces.MapPut("/settings", (FaceSettingsInput input, FaceSettingsService settings, CancellationToken ct) => settings.SetAsync(input, ct))
            .RequireAuthorization(Policies.OperationsSettingsManage)
            .WithSummary("Set the event's face threshold (0.30 to 0.70), face-lane margin (0.05 to 0.30) and retention (0 to 30 days after the event); audited");
        faces.MapGet("/thresholds", (Thresholds.FaceThresholdService service, CancellationToken ct) => service.GetAsync(ct))
            .RequireAuthorization(Policies.OperationsSettingsManage)
            .WithSummary("The genuine and impostor distances seen at the event's gates as a histogram (distances only), with the threshold and margin in force");
        faces.MapGet("/gates", (FaceSettingsService settings, CancellationToken ct) => settings.GatesAsync(ct))
            .RequireAuthorization(Policies.FacesGateSwitch).WithSummary("Which gates check faces");
        faces.MapPut("/gates/{id:guid}", (Guid id, GateFaceInput input, FaceSettingsService settings, CancellationToken ct) =>
                settings.SwitchGateAsync(id, input, ct))
            .RequireAuthorization(Policies.FacesGateSwitch)
            .WithSummary("Switch a gate's face check off or on (off, it admits on the code and the operator's photo check) and mark it as a face lane; audited");

        // Beside Access's device endpoints, authenticated the same way: a gate device, never a person.
        api.MapGroup("/device").WithTags("Gate devices").RequireAuthorization(DeviceAuthentication.Policy)
            .MapGet("/faces", async (ClaimsPrincipal user, HttpContext http, IGateAdmissions admissions, FaceGateSync sync, CancellationToken ct) =>
            {
                var gate = await admissions.GateOfDeviceAsync(user, ct);
                var token = http.Request.Headers.Authorization.ToString()[DeviceAuthentication.HeaderPrefix.Length..].Trim();
                var known = http.Request.Headers.IfNoneMatch.ToString();
                var document = await sync.ForGateAsync(gate, Guid.Parse(user.FindFirstValue(DeviceAuthentication.DeviceClaim)!), token,
                    known.Length > 2 ? known.Trim('"') : null, ct);
                if (document is null)
                {
                    http.Response.Headers.ETag = known;
                    return Results.StatusCode(StatusCodes.Status304NotModified);
                }

                http.Response.Headers.ETag = $"\"{document.Tag}\"";
                http.Response.Headers.CacheControl = "no-store";
                return Results.Ok(document);
            })
            .WithSummary("The face templates the device's gate checks offline: of the people it can admit who consented and are enrolled, sealed with a key " +
                "derived from the device's token; the whole set when it changed (ETag), so whoever is missing is deleted from the device; audited");
        return api;
    }
}
