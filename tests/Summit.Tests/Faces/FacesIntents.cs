using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server.Faces;
using Summit.Server.Faces.Enrolment;
using Summit.Server.Guests.Portal;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Faces;

/// <summary>What face tests do, named by intent: through the portal and the API as guests and officers would.</summary>
public static class FacesIntents
{
    /// <summary>A guest invited and registered in the portal with this photo, with or without the separate face consent.</summary>
    public static async Task<(Guid GuestId, string Token)> RegisteredAsync(this SummitFactory app, byte[] photo, bool faceConsent)
    {
        var guest = await app.CreateGuestAsync();
        var token = await app.InviteAsync(guest.Id);
        await (await app.RegisterAsync(token, Intents.RegistrationForm(photo, faceConsent: faceConsent))).OkAsync<PortalView>();
        return (guest.Id, token);
    }

    public static async Task<HttpResponseMessage> WithdrawFaceConsentAsync(this SummitFactory app, string token)
    {
        using var client = app.CreateClient();
        return await client.PostAsync($"/api/v1/portal/{token}/face-consent/withdraw", null);
    }

    public static async Task<EnrolmentView> EnrolmentOfAsync(this SummitFactory app, Guid guestId, string language = "en")
    {
        using var officer = await app.ClientForAsync(Roles.AccreditationOfficer);
        officer.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return await (await officer.GetAsync($"/api/v1/faces/guests/{guestId}")).OkAsync<EnrolmentView>();
    }

    public static async Task<HttpResponseMessage> EnrolFromPhotoAsync(this SummitFactory app, Guid guestId)
    {
        using var officer = await app.ClientForAsync(Roles.AccreditationOfficer);
        return await officer.PostAsync($"/api/v1/faces/guests/{guestId}/enrol-from-photo", null);
    }

    public static async Task<HttpResponseMessage> DeskPhotoAsync(this SummitFactory app, Guid guestId, byte[] photo, bool consentRecorded, string language = "en")
    {
        using var officer = await app.ClientForAsync(Roles.AccreditationOfficer);
        officer.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var content = new ByteArrayContent(photo);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        using var form = new MultipartFormDataContent { { content, "photo", "desk.jpg" }, { new StringContent(consentRecorded ? "true" : "false"), "consentRecorded" } };
        return await officer.PostAsync($"/api/v1/faces/guests/{guestId}/desk-photo", form);
    }

    /// <summary>The queued enrolments computed now, as the background worker would.</summary>
    public static Task<int> RunEnrolmentsAsync(this SummitFactory app) =>
        app.Services.GetRequiredService<FaceEnrolmentWorker>().RunOnceAsync(CancellationToken.None);

    public static Task<FaceEnrolment?> StoredEnrolmentAsync(this SummitFactory app, Guid guestId) =>
        app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Set<FaceEnrolment>().AsNoTracking().FirstOrDefaultAsync(e => e.GuestId == guestId));

    public static Task<List<string>> AuditActionsOfAsync(this SummitFactory app, string entityType, Guid id) =>
        app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityId == id.ToString()).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
}
