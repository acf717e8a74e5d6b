using Summit.Server.Access.Credentials;
using Summit.Server.Infrastructure.Identity;

namespace Summit.Server.Access.Badges;

/// <summary>Badges, the QR code of a credential, and how credentials are handed out: /api/v1/access, for accreditation.</summary>
public static class BadgeApi
{
    public static RouteGroupBuilder MapBadgeApi(this RouteGroupBuilder api)
    {
        var access = api.MapGroup("/access").WithTags("Access").RequireAuthorization(Policies.CredentialsManage);

        access.MapGet("/guests/{guestId:guid}/badge.pdf", async (Guid guestId, BadgeService badges, HttpContext context, CancellationToken ct) =>
                Pdf(context, await badges.PrintGuestAsync(guestId, ct), "badge.pdf"))
            .WithSummary("The printable A6 badge of a guest holding a credential in force (PDF)");
        access.MapPost("/badges.pdf", async (GuestSelection selection, BadgeService badges, HttpContext context, CancellationToken ct) =>
                Pdf(context, await badges.PrintAsync(selection, ct), "badges.pdf"))
            .WithSummary("Badges of a selection (ids, or a category and/or delegation) with a credential in force: one A6 page each (PDF)");
        access.MapGet("/badges.pdf", async (Guid? categoryId, Guid? delegationId, BadgeService badges, HttpContext context, CancellationToken ct) =>
                Pdf(context, await badges.PrintAsync(new GuestSelection(null, categoryId, delegationId), ct), "badges.pdf"))
            .WithSummary("Badges of a category and/or delegation (PDF), as a link a browser can open");
        access.MapGet("/guests/{guestId:guid}/qr.png", async (Guid guestId, CredentialService credentials, HttpContext context, CancellationToken ct) =>
            {
                var code = await credentials.GetCodeAsync(guestId, ct) ?? throw new SummitException(SummitError.NotFound(ErrorCodes.CredentialNone));
                context.Response.Headers.CacheControl = "no-store";
                return TypedResults.File(BadgeRenderer.QrPng(code, CredentialService.QrPixels), "image/png");
            })
            .WithSummary("The QR code of the guest's credential in force (PNG)");

        access.MapGet("/credential-settings", (CredentialService credentials, CancellationToken ct) => credentials.GetSettingsAsync(ct))
            .WithSummary("How credentials are handed out (issued at approval or not)");
        access.MapPut("/credential-settings", (CredentialSettings input, CredentialService credentials, CancellationToken ct) =>
                credentials.SetSettingsAsync(input, ct))
            .WithSummary("Whether approving an in-person guest issues the credential at once (the approval mail then carries the QR)");
        return api;
    }

    /// <summary>Shown in the browser (to print), not downloaded; never cached, since it carries credentials.</summary>
    private static IResult Pdf(HttpContext context, Stream pdf, string name)
    {
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.ContentDisposition = $"inline; filename=\"{name}\"";
        return TypedResults.File(pdf, "application/pdf");
    }
}
