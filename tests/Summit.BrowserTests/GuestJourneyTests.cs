using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Summit.BrowserTests;

/// <summary>
/// The whole guest journey through the real UI: an admin creates and invites a guest, the guest registers in the
/// portal with a photo and consents, an accreditation officer approves, the portal shows the guest's QR code, the badge
/// prints, and the list shows the new status, in Chinese too.
/// </summary>
[Collection(ServerCollection.Name)]
public class GuestJourneyTests(SummitServer server) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>The pages this test opened are closed, so that they do not load the tests after it.</summary>
    public Task DisposeAsync() => server.ClosePagesAsync();

    [Fact]
    public async Task Invite_register_approve_and_see_the_status_in_both_languages()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var email = $"journey-{unique}@example.org";
        var familyLatin = "Journey" + unique;

        // The admin creates the guest and sends the invitation.
        var admin = await server.NewPageAsync();
        await SummitServer.LoginAsync(admin, SummitServer.AdminEmail);
        await SummitServer.GotoLiveAsync(admin, "/guests/new");
        await admin.GetByTestId("input-familyName").FillAsync("欧阳");
        await admin.GetByTestId("input-givenName").FillAsync("思远");
        await admin.GetByTestId("input-familyNameLatin").FillAsync(familyLatin);
        await admin.GetByTestId("input-givenNameLatin").FillAsync("Siyuan");
        await admin.GetByTestId("input-organisation").FillAsync("Zhejiang Lab");
        await admin.GetByTestId("input-email").FillAsync(email);
        await SummitServer.ChooseAsync(admin, "input-organisationType", "Research institute");
        await SummitServer.ChooseAsync(admin, "input-category", "Speaker");
        await admin.GetByTestId("input-country").FillAsync("China");
        await admin.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "(CN)" }).First.ClickAsync();
        await Assertions.Expect(admin.GetByTestId("input-country")).ToHaveValueAsync(new Regex("China"));
        await admin.GetByTestId("save-guest").ClickAsync();
        try
        {
            // Blazor navigates client-side: no new "load" event, so wait for the URL alone.
            await admin.WaitForURLAsync(new Regex("/guests/[0-9a-f-]{36}$"), new() { WaitUntil = WaitUntilState.Commit });
        }
        catch (TimeoutException)
        {
            // Say why the form stayed (a refusal shown on it), not only that it did.
            var shown = await admin.Locator(".mud-input-error, .validation-message, [role=alert]").AllInnerTextsAsync();
            throw new Xunit.Sdk.XunitException($"The guest was not saved; the form shows: {string.Join(" | ", shown)}");
        }
        await Assertions.Expect(admin.GetByTestId("status-chip").First).ToHaveAttributeAsync("data-status", "Invited");
        await admin.GetByTestId("send-invitation").ClickAsync();
        var link = (await admin.GetByTestId("invitation-link").InnerTextAsync()).Trim();
        Assert.Contains("/portal/", link, StringComparison.Ordinal);

        // The guest opens the link, adds a photo, reads the notice, consents and registers.
        var guest = await server.NewPageAsync();
        await SummitServer.GotoLiveAsync(guest, link);
        await Assertions.Expect(guest.GetByTestId("portal-privacy")).ToBeVisibleAsync();
        await guest.GetByTestId("portal-photo").SetInputFilesAsync(new FilePayload { Name = "me.jpg", MimeType = "image/jpeg", Buffer = TestImages.Portrait() });
        await Assertions.Expect(guest.GetByTestId("portal-photo-preview")).ToBeVisibleAsync();
        await guest.GetByTestId("portal-data-consent").CheckAsync();
        await guest.GetByTestId("portal-face-consent").CheckAsync();
        await guest.GetByTestId("portal-submit").ClickAsync();
        await Assertions.Expect(guest.GetByTestId("portal-status")).ToHaveAttributeAsync("data-status", "Registered");

        // The accreditation officer approves from the queue.
        var officer = await server.NewPageAsync();
        await SummitServer.LoginAsync(officer, SummitServer.OfficerEmail);
        await SummitServer.GotoLiveAsync(officer, "/approvals");
        await officer.GetByTestId("approval-search").FillAsync(familyLatin);
        // Wait for the search to narrow the queue to this guest: a later reload would clear the selection.
        var row = officer.GetByTestId("approval-row");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync(familyLatin, new() { IgnoreCase = true });
        // The selection checkbox is in the same table row as the name cell.
        await officer.Locator("tr").Filter(new() { Has = row }).Locator(".mud-checkbox").ClickAsync();
        await officer.GetByTestId("approve-selected").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("approval-result")).ToBeVisibleAsync();

        // The guest's portal now shows the code for the gate: the QR image loaded, the code text under it.
        await SummitServer.GotoLiveAsync(guest, link);
        await Assertions.Expect(guest.GetByTestId("portal-qr")).ToHaveJSPropertyAsync("naturalWidth", 600);
        await Assertions.Expect(guest.GetByTestId("portal-code")).ToHaveTextAsync(new Regex("^S1[A-Z2-7]{197}$"));

        // The guest's page offers the badge, which opens as a PDF.
        await SummitServer.GotoLiveAsync(admin, admin.Url);
        var badge = await admin.GetByTestId("print-badge").GetAttributeAsync("href");
        var pdf = await admin.APIRequest.GetAsync(badge!);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);

        // Batch printing counts the badges of the chosen category before printing them.
        await SummitServer.GotoLiveAsync(officer, "/access/badges");
        await SummitServer.ChooseAsync(officer, "badges-category", "Speaker");
        await Assertions.Expect(officer.GetByTestId("badges-count")).ToHaveAttributeAsync("data-count", new Regex("^[1-9][0-9]*$"));
        await Assertions.Expect(officer.GetByTestId("badges-print")).ToHaveAttributeAsync("href", new Regex("/api/v1/access/badges\\.pdf\\?categoryId="));

        // The list shows the new status, and the same in Chinese: approving an in-person guest issued the credential as well.
        await SummitServer.GotoLiveAsync(officer, "/guests");
        await officer.GetByTestId("guest-search").FillAsync(familyLatin);
        var status = officer.Locator("tr").Filter(new() { HasText = familyLatin }).GetByTestId("status-chip");
        await Assertions.Expect(status).ToHaveAttributeAsync("data-status", "Accredited");
        await Assertions.Expect(status).ToHaveTextAsync("Accredited");
        await officer.GetByTestId("lang-zh").ClickAsync();
        // Only the reloaded Chinese page offers "English"; the old page's live marker would match too early.
        await Assertions.Expect(officer.GetByTestId("lang-en")).ToBeVisibleAsync();
        await officer.Locator("[data-interactive=true]").WaitForAsync();
        await officer.GetByTestId("guest-search").FillAsync(familyLatin);
        var statusZh = officer.Locator("tr").Filter(new() { HasText = familyLatin }).GetByTestId("status-chip");
        await Assertions.Expect(statusZh).ToHaveTextAsync("已制证");
    }
}
