using Microsoft.Playwright;

namespace Summit.BrowserTests;

/// <summary>A person asks for their data and its erasure; the data protection officer carries both out in the UI.</summary>
[Collection(ServerCollection.Name)]
public class PrivacyTests(SummitServer server) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>The pages this test opened are closed, so that they do not load the tests after it.</summary>
    public Task DisposeAsync() => server.ClosePagesAsync();

    public const string OfficerEmail = "dataprotectionofficer@summit.local";

    [Fact]
    public async Task The_data_protection_officer_finds_the_person_reads_their_data_and_erases_it_with_a_reason()
    {
        // A name no other guest has, so that the search finds this person alone.
        var given = "Qingyang" + string.Concat(Enumerable.Range(0, 5).Select(_ => (char)('a' + Random.Shared.Next(26))));
        using var setup = await AccessSetup.SignInAsync(server);
        var holder = await setup.AccreditedGuestAsync("司马", "清扬", "Sima", given, "Privacy Lab");

        var page = await server.NewPageAsync();
        await SummitServer.LoginAsync(page, OfficerEmail);
        await SummitServer.GotoLiveAsync(page, "/privacy");
        await page.GetByTestId("privacy-search").FillAsync($"Sima {given}");
        await page.GetByTestId("privacy-find").ClickAsync();
        await Assertions.Expect(page.GetByTestId("privacy-match")).ToHaveCountAsync(1);
        await page.GetByTestId("privacy-open").ClickAsync();

        await page.WaitForURLAsync($"**/privacy/subjects/{holder.GuestId}");
        await page.Locator("[data-interactive=true]").WaitForAsync();
        await Assertions.Expect(page.GetByTestId("subject-title")).ToContainTextAsync(given);
        await Assertions.Expect(page.Locator("[data-testid=subject-section][data-area=access] [data-kind=credential]")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("subject-photo")).ToBeVisibleAsync();

        await page.GetByTestId("subject-erase").ClickAsync();
        await Assertions.Expect(page.GetByTestId("erasure-counts")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("erasure-do")).ToBeDisabledAsync();
        await page.GetByTestId("erasure-reason").FillAsync("Request by mail of 2 December, ref DPO-42");
        // MudBlazor puts the test id on the checkbox's input or on its label, depending on the version: either way the input.
        await page.GetByTestId("erasure-confirm").Locator("xpath=descendant-or-self::input").CheckAsync();
        await page.GetByTestId("erasure-do").ClickAsync();
        await Assertions.Expect(page.GetByTestId("subject-erased")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=subject-erased-counts-row][data-area=guests][data-kind=photo]")).ToHaveAttributeAsync("data-count", "1");

        // The person is gone from every search.
        await SummitServer.GotoLiveAsync(page, "/privacy");
        await page.GetByTestId("privacy-search").FillAsync($"Sima {given}");
        await page.GetByTestId("privacy-find").ClickAsync();
        await Assertions.Expect(page.GetByTestId("privacy-none")).ToBeVisibleAsync();
    }
}
