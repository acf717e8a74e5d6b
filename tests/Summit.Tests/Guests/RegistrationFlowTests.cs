using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server.Guests;
using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Guests;

/// <summary>The guest pipeline end to end through the API: invite, register in the portal, approve.</summary>
public class RegistrationFlowTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task A_guest_goes_from_invitation_to_approval()
    {
        var guest = await app.CreateGuestAsync();
        Assert.Equal(GuestStatus.Invited, guest.Status);

        var token = await app.InviteAsync(guest.Id);
        var view = await app.RegisterOkAsync(token);
        Assert.Equal(GuestStatus.Registered, view.Status);
        Assert.True(view.FaceConsentGiven);
        Assert.True(view.HasPhoto);

        using var officer = await app.ClientForAsync(Roles.AccreditationOfficer);
        var approve = await officer.PostAsJsonAsync("/api/v1/guests/approve", new GuestIdsRequest([guest.Id]), Intents.Json);
        var result = await approve.Content.ReadFromJsonAsync<BulkResult>(Intents.Json);
        Assert.Equal(1, result!.Succeeded);

        // The event issues credentials at approval (the default): the in-person guest is accredited at once.
        var detail = await officer.GetFromJsonAsync<GuestDetail>($"/api/v1/guests/{guest.Id}", Intents.Json);
        Assert.Equal(GuestStatus.Accredited, detail!.Status);
        Assert.Matches("^•{6}[0-9]{3}$", detail.PassportMasked);
    }

    [Fact]
    public async Task Invitation_and_approval_mail_is_written_in_the_guest_language()
    {
        var guest = await app.CreateGuestAsync();
        var token = await app.InviteAsync(guest.Id);
        var expires = app.Clock.GetUtcNow() + TimeSpan.FromDays(21);
        await app.DispatchMailAsync();
        var invitation = await LatestMailAsync(guest.Email);
        Assert.Contains("邀请函", invitation.Subject, StringComparison.Ordinal);
        Assert.Contains(token, invitation.TextBody, StringComparison.Ordinal);
        // The expiry in the event's zone (Asia/Shanghai) with its label, not in UTC.
        var local = TimeZoneInfo.ConvertTime(expires, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        Assert.Contains($"{local:yyyy-MM-dd HH:mm} CST (UTC+8)", invitation.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invitation_link_cannot_register_twice()
    {
        var guest = await app.CreateGuestAsync();
        var token = await app.InviteAsync(guest.Id);
        await app.RegisterOkAsync(token);

        var again = await app.RegisterAsync(token, Intents.RegistrationForm(TestImages.Jpeg(300, 300), familyName: "李"));
        await again.AssertProblemAsync(422, GuestErrors.InvitationUsed);
        var stored = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Guests.SingleAsync(g => g.Id == guest.Id));
        Assert.Equal("王", stored.FamilyName);
    }

    [Fact]
    public async Task An_expired_link_is_refused_with_its_reason()
    {
        var guest = await app.CreateGuestAsync();
        var token = await app.InviteAsync(guest.Id);
        // The shared clock only moves forward; other tests in this class work relative to "now".
        app.Clock.Advance(TimeSpan.FromDays(22));
        var response = await app.RegisterAsync(token, Intents.RegistrationForm(TestImages.Jpeg(300, 300)));
        await response.AssertProblemAsync(422, GuestErrors.InvitationExpired);
    }

    [Fact]
    public async Task An_unknown_token_is_not_found()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/api/v1/portal/not-a-real-token");
        await response.AssertProblemAsync(404, GuestErrors.InvitationNotFound);
    }

    [Fact]
    public async Task Illegal_status_moves_are_refused_and_change_nothing()
    {
        var guest = await app.CreateGuestAsync();
        using var officer = await app.ClientForAsync(Roles.AccreditationOfficer);
        var response = await officer.PostAsJsonAsync($"/api/v1/guests/{guest.Id}/status", new StatusChangeRequest(GuestStatus.Arrived, null, null), Intents.Json);
        await response.AssertProblemAsync(422, GuestErrors.StatusTransitionIllegal);
        var detail = await officer.GetFromJsonAsync<GuestDetail>($"/api/v1/guests/{guest.Id}", Intents.Json);
        Assert.Equal(GuestStatus.Invited, detail!.Status);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/health")).StatusCode);
    }

    private async Task<Summit.Server.Infrastructure.Mail.OutgoingMail> LatestMailAsync(string email) =>
        await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().OutgoingMails
            .Where(m => m.ToAddress == email).OrderByDescending(m => m.CreatedAt).FirstAsync());
}
