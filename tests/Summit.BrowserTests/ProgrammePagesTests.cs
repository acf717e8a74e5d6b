using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Summit.BrowserTests;

/// <summary>
/// The demo's programme as its manager and the public see it (issue 13): the timetable of each day with the sessions in their rooms and
/// the two warnings left to resolve, the releases page holding the next release back, and the public programme of the released version,
/// without signing in, in Chinese, filtered by day.
/// </summary>
[Collection(ServerCollection.Name)]
public class ProgrammePagesTests(SummitServer server) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => server.ClosePagesAsync();

    [Fact]
    public async Task The_manager_sees_the_timetable_with_its_warnings_and_the_release_held_back_and_the_public_the_released_version()
    {
        var page = await server.NewPageAsync();
        await SummitServer.LoginAsync(page, SummitServer.AdminEmail);
        await SummitServer.GotoLiveAsync(page, "/programme/timetable");
        var days = page.GetByTestId("timetable-day");
        await Assertions.Expect(days).ToHaveCountAsync(3);

        // The first day: the opening in the main forum hall, and the security panel whose Chinese interpretation was withdrawn after
        // the release, which holds the next release back.
        await Assertions.Expect(page.GetByTestId("timetable-room-MFH").GetByTestId("timetable-slot").Filter(new() { HasText = "Opening ceremony" }))
            .ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("timetable-room-SF-B").GetByTestId("timetable-slot").Filter(new() { HasText = "critical information" }))
            .ToHaveAttributeAsync("data-worst", "BlockRelease");
        await Assertions.Expect(page.Locator("[data-testid=timetable-conflict][data-rule=InterpretationMissing]")).Not.ToHaveCountAsync(0);
        await SummitServer.SaveDocsImageAsync(page, "programme-timetable");

        // The second day: a panellist of the high-level dialogue has too little time to reach the expo stage (a warning).
        var secondDay = await days.Nth(1).InnerTextAsync();
        await days.Nth(1).ClickAsync();
        await Assertions.Expect(page.GetByTestId("timetable")).ToHaveAttributeAsync("data-day", secondDay.Trim());
        await Assertions.Expect(page.Locator("[data-testid=timetable-conflict][data-rule=TravelTooShort]")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("timetable-room-SF-A").GetByTestId("timetable-slot")).ToHaveCountAsync(2);

        // Releases: version 1 is out; the moved closing ceremony waits, held back until the interpretation is restored.
        await SummitServer.GotoLiveAsync(page, "/programme/releases");
        await Assertions.Expect(page.GetByTestId("releases-row")).ToHaveCountAsync(1);
        var pending = page.GetByTestId("releases-pending");
        await Assertions.Expect(pending).ToHaveAttributeAsync("data-can-release", "false");
        await Assertions.Expect(page.GetByTestId("releases-pending-changes")).ToContainTextAsync("Closing ceremony");
        await Assertions.Expect(page.GetByTestId("releases-blocking")).Not.ToBeEmptyAsync();

        // The public: no sign-in, the released version in the reader's language, every session, then one day.
        var visitor = await server.NewPageAsync();
        await visitor.GotoAsync("/public/programme");
        await Assertions.Expect(Titled(visitor, "Opening ceremony")).ToHaveCountAsync(1);
        await visitor.GetByTestId("lang-zh").ClickAsync();
        await Assertions.Expect(visitor.GetByTestId("public-version")).ToHaveAttributeAsync("data-version", "1");
        // 27: the 26 of the 2021 programme and the closed-door roundtable that takes registrations (released with them).
        await Assertions.Expect(visitor.GetByTestId("public-session")).ToHaveCountAsync(27);
        await Assertions.Expect(Titled(visitor, "开幕式")).ToHaveCountAsync(1);
        await SummitServer.SaveDocsImageAsync(visitor, "public-programme-zh");
        await visitor.Locator("select[name=day]").SelectOptionAsync(new SelectOptionValue { Index = 3 });
        await visitor.Locator("[data-testid=public-filters] button[type=submit]").ClickAsync();
        await visitor.WaitForURLAsync(url => url.Contains("day=", StringComparison.Ordinal));
        await Assertions.Expect(Titled(visitor, "闭幕式")).ToHaveCountAsync(1);
        await Assertions.Expect(Titled(visitor, "开幕式")).ToHaveCountAsync(0);
    }

    /// <summary>The public sessions of that title (a card also names its kind, and both ceremonies are of the ceremony kind).</summary>
    private static ILocator Titled(IPage page, string title) =>
        page.GetByTestId("public-session").Filter(new() { Has = page.Locator("h3", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^" + title + "$") }) });

    [Fact]
    public async Task The_manager_gives_a_speaker_availability_windows_on_the_people_page()
    {
        var name = "Remote speaker " + Guid.NewGuid().ToString("N")[..6];
        using (var api = await VenueApi.AdminAsync(server))
        {
            await VenueApi.ReadAsync(await api.PostAsJsonAsync("/api/v1/programme/people",
                new { name, organisation = "Vienna University of Technology", countryCode = "AT", email = "speaker@example.org" }));
        }

        var page = await server.NewPageAsync();
        await SummitServer.LoginAsync(page, SummitServer.AdminEmail);
        await SummitServer.GotoLiveAsync(page, "/programme/people");
        var row = page.GetByTestId("person-row").Filter(new() { HasText = name });
        await Assertions.Expect(row.GetByTestId("person-windows")).ToContainTextAsync("Available throughout");

        await row.GetByTestId("person-edit-windows").ClickAsync();
        await page.GetByTestId("window-add").ClickAsync();
        var from = await page.GetByTestId("window-from").InputValueAsync();
        var day = from[..10];
        await page.GetByTestId("window-from").FillAsync(day + "T10:30");
        await page.GetByTestId("window-until").FillAsync(day + "T12:00");
        await page.GetByTestId("windows-save").ClickAsync();

        await Assertions.Expect(page.GetByTestId("people-message")).ToContainTextAsync(name);
        await Assertions.Expect(row.GetByTestId("person-windows")).ToHaveTextAsync($"{day} 10:30–12:00");
    }
}
