using Microsoft.Playwright;

namespace Summit.BrowserTests;

/// <summary>
/// The venue manager sets up rooms and stock on the pages (issue 12), not only through the API: a new venue, a room in it with its seats,
/// hours, access zone and no-show release, a field problem shown on its field, the room changed from its own page; an item of stock added
/// and lowered.
/// </summary>
[Collection(ServerCollection.Name)]
public class VenueRoomEditorTests(SummitServer server) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => server.ClosePagesAsync();

    [Fact]
    public async Task A_venue_manager_adds_a_venue_and_a_room_with_its_zone_and_no_show_release_then_changes_it_from_its_page()
    {
        var unique = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var venueName = "Annex " + unique;
        var code = "AX-" + unique;
        var page = await server.NewPageAsync();
        await SummitServer.LoginAsync(page, SummitServer.AdminEmail);
        await SummitServer.GotoLiveAsync(page, "/venues/rooms");

        await page.GetByTestId("rooms-new-venue").ClickAsync();
        await page.GetByTestId("venue-editor-name-en").FillAsync(venueName);
        await page.GetByTestId("venue-editor-name-zh").FillAsync("附楼 " + unique);
        await page.GetByTestId("venue-editor-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("venue-editor")).ToHaveCountAsync(0);

        await page.GetByTestId("rooms-new-room").ClickAsync();
        await Assertions.Expect(page.GetByTestId("room-editor-code")).ToBeVisibleAsync();
        await SummitServer.ChooseAsync(page, "room-editor-venue", venueName);
        await page.GetByTestId("room-editor-code").FillAsync(code);
        await page.GetByTestId("room-editor-name-en").FillAsync("Annex meeting room");
        await page.GetByTestId("room-editor-name-zh").FillAsync("附楼会议室");
        await page.GetByTestId("room-editor-capacity-boardroom").FillAsync("18");
        await page.GetByTestId("room-editor-opens").FillAsync("08:00");
        await page.GetByTestId("room-editor-closes").FillAsync("07:00");
        await page.GetByTestId("room-editor-no-show").FillAsync("20");
        await SummitServer.ChooseAsync(page, "room-editor-zone", "VIP");
        await page.GetByTestId("room-editor-save").ClickAsync();

        // Closing before opening: refused on the field, nothing saved.
        await Assertions.Expect(page.GetByTestId("room-editor")).ToContainTextAsync("opening first");
        await page.GetByTestId("room-editor-closes").FillAsync("21:00");
        await page.GetByTestId("room-editor-save").ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("/venues/rooms/", StringComparison.Ordinal) && !url.EndsWith("/venues/rooms", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("room-code")).ToHaveTextAsync(code);
        await Assertions.Expect(page.GetByTestId("room-no-show")).ToContainTextAsync("20");
        await Assertions.Expect(page.GetByTestId("room-details")).ToContainTextAsync("08:00–21:00");
        await Assertions.Expect(page.GetByTestId("room-details")).ToContainTextAsync("VIP");

        // Changed from its own page: no release any more, a larger room.
        await page.Locator("[data-interactive=true]").WaitForAsync();
        await page.GetByTestId("room-edit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("room-editor-code")).ToHaveValueAsync(code);
        await page.GetByTestId("room-editor-no-show").FillAsync("");
        await page.GetByTestId("room-editor-capacity-boardroom").FillAsync("24");
        await page.GetByTestId("room-editor-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("room-editor")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("room-no-show")).ToContainTextAsync("never");
        await Assertions.Expect(page.GetByTestId("room-capacities")).ToContainTextAsync("24");
    }

    [Fact]
    public async Task A_venue_manager_adds_an_item_to_the_stock_and_lowers_it_on_the_equipment_page()
    {
        var name = "Sign language kit " + Guid.NewGuid().ToString("N")[..6];
        var page = await server.NewPageAsync();
        await SummitServer.LoginAsync(page, SummitServer.AdminEmail);
        await SummitServer.GotoLiveAsync(page, "/venues/equipment");

        await page.GetByTestId("equipment-new").ClickAsync();
        await page.GetByTestId("equipment-editor-name-en").FillAsync(name);
        await page.GetByTestId("equipment-editor-name-zh").FillAsync("手语设备");
        await page.GetByTestId("equipment-editor-quantity").FillAsync("6");
        await page.GetByTestId("equipment-editor-save").ClickAsync();
        var row = page.Locator($"[data-testid=equipment-row][data-item='{name}']");
        await Assertions.Expect(row.GetByTestId("equipment-stock")).ToHaveTextAsync("6");

        await row.GetByTestId("equipment-edit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("equipment-editor-name-en")).ToHaveValueAsync(name);
        await page.GetByTestId("equipment-editor-quantity").FillAsync("4");
        await page.GetByTestId("equipment-editor-save").ClickAsync();
        await Assertions.Expect(row.GetByTestId("equipment-stock")).ToHaveTextAsync("4");
    }
}
