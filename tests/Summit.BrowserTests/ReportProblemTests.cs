using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Summit.BrowserTests;

/// <summary>"Report a problem" says that the report was filed and under which number, with a link to the incident.</summary>
[Collection(ServerCollection.Name)]
public partial class ReportProblemTests(SummitServer server) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>The pages this test opened are closed, so that they do not load the tests after it.</summary>
    public Task DisposeAsync() => server.ClosePagesAsync();

    [Fact]
    public async Task A_filed_report_shows_its_number_and_links_to_the_incident()
    {
        var page = await server.NewPageAsync();
        await SummitServer.LoginAsync(page, "operationscentre@summit.local");
        await SummitServer.GotoLiveAsync(page, "/");

        await page.GetByTestId("report-problem").ClickAsync();
        await page.GetByTestId("report-place").FillAsync("North entrance, lane N2");
        await page.GetByTestId("report-description").FillAsync("The turnstile at N2 jams on every third scan.");
        await page.GetByTestId("report-submit").ClickAsync();

        var filed = page.GetByTestId("report-filed");
        await Assertions.Expect(filed).ToContainTextAsync(IncidentNumber());
        var number = IncidentNumber().Match(await filed.InnerTextAsync()).Value;
        await Assertions.Expect(filed).ToContainTextAsync($"Your report is filed as incident {number}");
        await page.GetByTestId("report-filed-link").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/operations/incidents/{number}$"));
        await Assertions.Expect(page.GetByTestId("incident-description")).ToHaveTextAsync("The turnstile at N2 jams on every third scan.");
        await Assertions.Expect(page.GetByTestId("report-dialog")).ToHaveCountAsync(0);
    }

    [GeneratedRegex(@"INC-\d+")]
    private static partial Regex IncidentNumber();
}
