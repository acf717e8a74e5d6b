using Microsoft.AspNetCore.Mvc;
using Summit.Server.Infrastructure.Errors;
using Summit.Server.Infrastructure.Images;
using Summit.Server.Infrastructure.Security;

namespace Summit.Server.Guests.Portal;

/// <summary>The guest portal API: anonymous, authorized by the invitation token alone.</summary>
public static class PortalApi
{
    public static RouteGroupBuilder MapPortalApi(this RouteGroupBuilder api)
    {
        var portal = api.MapGroup("/portal/{token}").WithTags("Guest portal").AllowAnonymous().RequireSummitRateLimit(RateLimitFamily.Portal);

        portal.MapGet("/", async (string token, Guid? member, PortalService service, CancellationToken ct) =>
            TypedResults.Ok(await service.OpenAsync(token, member, ct)))
            .WithSummary("What the invitation holder sees: their form, status and (for a liaison) the delegation");

        portal.MapGet("/messages", async (string token, PortalService service, CancellationToken ct) =>
                TypedResults.Ok(await service.MessagesAsync(token, ct)))
            .WithSummary($"The messages Summit wrote to the invitation holder (mails and notices), newest first, at most {PortalService.MessageLimit}");

        portal.MapGet("/qr.png", async (string token, Guid? member, PortalService service, HttpContext context, CancellationToken ct) =>
            {
                var png = await service.GetQrPngAsync(token, member, ct);
                context.Response.Headers.CacheControl = "no-store";
                return TypedResults.File(png, "image/png");
            })
            .WithSummary("The QR code of the credential in force, to show at the gate (the guest's own, or a delegation member's for its liaison)");

        portal.MapPost("/registration", async (string token, [FromForm] PortalRegistrationForm form, PortalService service, CancellationToken ct) =>
            {
                byte[]? photo = null;
                if (form.Photo is { Length: > 0 })
                {
                    if (form.Photo.Length > PhotoProcessor.MaxBytes)
                    {
                        throw new SummitException(SummitError.Of(ErrorCodes.PhotoTooLarge, PhotoProcessor.MaxBytes / (1024 * 1024)));
                    }

                    using var buffer = new MemoryStream();
                    await form.Photo.CopyToAsync(buffer, ct);
                    photo = buffer.ToArray();
                }

                var input = new GuestInput
                {
                    FamilyName = form.FamilyName ?? "",
                    GivenName = form.GivenName ?? "",
                    FamilyNameLatin = form.FamilyNameLatin,
                    GivenNameLatin = form.GivenNameLatin,
                    Title = form.Title,
                    Gender = form.Gender,
                    Organisation = form.Organisation ?? "",
                    OrganisationType = form.OrganisationType ?? "",
                    Position = form.Position,
                    Country = form.Country ?? "",
                    Phone = form.Phone,
                    Language = form.Language,
                    ParticipationMode = form.ParticipationMode ?? "",
                    PassportNumber = form.PassportNumber,
                };
                return TypedResults.Ok(await service.RegisterAsync(token, new RegistrationSubmission(input, photo, form.DataConsent, form.FaceConsent), form.Member, ct));
            })
            .DisableAntiforgery()
            .WithUploadLimit(PhotoProcessor.MaxBytes, ErrorCodes.PhotoTooLarge)
            .WithSummary("Submit the registration form with photo and consents (multipart/form-data)");

        portal.MapPost("/face-consent/withdraw", async (string token, PortalService service, CancellationToken ct) =>
            {
                await service.WithdrawFaceConsentAsync(token, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Withdraw consent to face verification at gates");

        portal.MapPut("/time-zone", async (string token, TimeZoneChoice choice, PortalService service, CancellationToken ct) =>
                TypedResults.Ok(await service.SetTimeZoneAsync(token, choice.TimeZoneId, ct)))
            .WithSummary("Choose the time zone the guest reads the programme in (an IANA id; empty for the event's)");

        return api;
    }
}
