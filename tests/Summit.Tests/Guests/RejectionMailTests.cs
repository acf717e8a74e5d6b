using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server.Guests;
using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Mail;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Guests;

/// <summary>A rejected guest is told by mail, in their language, with the reason the officer chose to share and never the internal one.</summary>
public class RejectionMailTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    private const string InternalReason = "Name matches a watch-list entry; security asked us not to say so";

    [Fact]
    public async Task A_rejected_guest_is_told_in_their_language_with_the_shared_reason_only()
    {
        var guest = await RegisteredGuestAsync("zh-Hans");

        await RejectAsync(guest.Id, InternalReason, "  我们无法核实您提交的护照信息。 ");

        var mail = await LatestMailAsync(guest.Email);
        Assert.Equal(MailComposer.RejectionKind, mail.Kind);
        Assert.Equal("您的注册未获批准", mail.Subject);
        Assert.Contains("证件办公室说明的原因如下：\n我们无法核实您提交的护照信息。", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("我们无法核实您提交的护照信息。", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("watch-list", mail.TextBody + mail.HtmlBody, StringComparison.Ordinal);

        // Staff see both in the guest's history: what was said to the guest and why.
        using var changes = JsonDocument.Parse(await LatestStatusAuditAsync(guest.Id));
        Assert.Equal("我们无法核实您提交的护照信息。", changes.RootElement.GetProperty("messageToGuest").GetProperty("new").GetString());
        Assert.Equal(InternalReason, changes.RootElement.GetProperty("statusReason").GetProperty("new").GetString());
    }

    [Fact]
    public async Task Without_a_shared_reason_the_guest_is_told_without_one()
    {
        var guest = await RegisteredGuestAsync("en");

        await RejectAsync(guest.Id, InternalReason, null);

        var mail = await LatestMailAsync(guest.Email);
        Assert.Equal("Your registration could not be approved", mail.Subject);
        Assert.Contains("could not be approved", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("gives this reason", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("watch-list", mail.TextBody + mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_shared_reason_is_html_encoded_in_the_mail()
    {
        var guest = await RegisteredGuestAsync("en");

        await RejectAsync(guest.Id, InternalReason, "<script>alert(1)</script> Late & incomplete");

        var mail = await LatestMailAsync(guest.Email);
        Assert.DoesNotContain("<script>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Late &amp; incomplete", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_to_the_guest_on_another_move_or_too_long_is_refused_and_nothing_changes()
    {
        var guest = await RegisteredGuestAsync("en");
        using var officer = await app.ClientForAsync(Roles.AccreditationOfficer);

        var approve = await officer.PostAsJsonAsync($"/api/v1/guests/{guest.Id}/status",
            new StatusChangeRequest(GuestStatus.Approved, null, null, "Welcome"), Intents.Json);
        await approve.AssertProblemAsync(422, GuestErrors.GuestMessageNotAllowed);

        var tooLong = await officer.PostAsJsonAsync($"/api/v1/guests/{guest.Id}/status",
            new StatusChangeRequest(GuestStatus.Rejected, InternalReason, null, new string('x', GuestService.MaxMessageToGuest + 1)), Intents.Json);
        await tooLong.AssertProblemAsync(422, GuestErrors.GuestMessageTooLong);

        var stored = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Guests.SingleAsync(g => g.Id == guest.Id));
        Assert.Equal(GuestStatus.Registered, stored.Status);
        Assert.Equal(0, await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().OutgoingMails
            .CountAsync(m => m.GuestId == guest.Id && m.Kind == MailComposer.RejectionKind)));
    }

    /// <summary>A registered guest who reads the given language (the registration form sets it; set afterwards here).</summary>
    private async Task<GuestDetail> RegisteredGuestAsync(string language)
    {
        var guest = await app.CreateGuestAsync();
        await app.RegisterOkAsync(await app.InviteAsync(guest.Id));
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SummitDbContext>();
            (await db.Guests.SingleAsync(g => g.Id == guest.Id)).Language = language;
            return await db.SaveChangesAsync();
        });
        return guest;
    }

    private async Task RejectAsync(Guid guestId, string reason, string? shared)
    {
        using var officer = await app.ClientForAsync(Roles.AccreditationOfficer);
        var response = await officer.PostAsJsonAsync($"/api/v1/guests/{guestId}/status",
            new StatusChangeRequest(GuestStatus.Rejected, reason, null, shared), Intents.Json);
        response.EnsureSuccessStatusCode();
    }

    private async Task<OutgoingMail> LatestMailAsync(string email) =>
        await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().OutgoingMails
            .Where(m => m.ToAddress == email).OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).FirstAsync());

    private async Task<string> LatestStatusAuditAsync(Guid guestId) =>
        await app.InScopeAsync(async sp => (await sp.GetRequiredService<SummitDbContext>().AuditEntries
            .Where(a => a.EntityId == guestId.ToString() && a.Action == AuditActions.GuestStatusChanged)
            .OrderByDescending(a => a.At).FirstAsync()).Changes ?? "");
}
