using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Summit.BrowserTests;

/// <summary>
/// An accreditation officer gives an approved guest of the demo event their credential, then replaces it after a lost
/// badge, and reads the history. Issuing needs no zones, so this holds whatever zones the demo has.
/// </summary>
[Collection(ServerCollection.Name)]
public class CredentialJourneyTests(SummitServer server) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>The pages this test opened are closed, so that they do not load the tests after it.</summary>
    public Task DisposeAsync() => server.ClosePagesAsync();

    [Fact]
    public async Task Issue_a_credential_see_it_in_force_reissue_it_with_a_reason_and_see_the_history()
    {
        var officer = await server.NewPageAsync();
        await SummitServer.LoginAsync(officer, SummitServer.OfficerEmail);
        await SummitServer.GotoLiveAsync(officer, "/guests?status=Approved&mode=InPerson");
        var firstRow = officer.Locator("tbody tr").Filter(new() { Has = officer.GetByTestId("guest-link") }).First;
        await Assertions.Expect(firstRow.GetByTestId("status-chip")).ToHaveAttributeAsync("data-status", "Approved");
        await firstRow.GetByTestId("guest-link").ClickAsync();
        await officer.WaitForURLAsync(new Regex("/guests/[0-9a-f-]{36}$"), new() { WaitUntil = WaitUntilState.Commit });

        // No credential yet: issue one, and the guest becomes Accredited.
        var state = officer.GetByTestId("credential-state");
        await Assertions.Expect(state).ToHaveAttributeAsync("data-state", "none");
        await officer.GetByTestId("credential-issue").ClickAsync();
        await Assertions.Expect(state).ToHaveAttributeAsync("data-state", "active");
        await Assertions.Expect(officer.GetByTestId("credential-sequence")).ToHaveTextAsync("#1");
        await Assertions.Expect(officer.GetByTestId("status-chip").First).ToHaveAttributeAsync("data-status", "Accredited");
        await Assertions.Expect(officer.GetByTestId("credential-history-row")).ToHaveCountAsync(0);

        // The badge is lost: reissue with the reason; the first credential moves to the history with it.
        await officer.GetByTestId("credential-reissue").ClickAsync();
        await officer.GetByTestId("reason-input").FillAsync("Badge lost at the hotel");
        await officer.GetByTestId("confirm-reason").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("credential-sequence")).ToHaveTextAsync("#2");
        await Assertions.Expect(officer.GetByTestId("credential-message")).ToContainTextAsync("#2");
        var earlier = officer.GetByTestId("credential-history-row");
        await Assertions.Expect(earlier).ToHaveCountAsync(1);
        await Assertions.Expect(earlier).ToHaveAttributeAsync("data-sequence", "1");
        await Assertions.Expect(earlier.GetByTestId("credential-history-reason")).ToHaveTextAsync("Badge lost at the hotel");
    }
}
