using Microsoft.Playwright;

namespace Summit.BrowserTests;

/// <summary>
/// A staffed lane: the gate operator's console takes what a USB scanner types (the code, then Enter) and shows the verdict, the
/// holder's photo and name; refusals show their reason. At a gate that checks faces, its camera films the person and each scan
/// carries that picture for the 1:1 face check. The live access page counts who is inside without a reload.
/// </summary>
[Collection(ServerCollection.Name)]
public class GateConsoleTests(SummitServer server) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>The pages this test opened are closed, so that they do not load the tests after it.</summary>
    public Task DisposeAsync() => server.ClosePagesAsync();

    private const string OperatorEmail = "gateoperator@summit.local";
    private const string OperationsEmail = "operationscentre@summit.local";

    [Fact]
    public async Task A_scanned_code_shows_the_green_verdict_with_the_holders_name_and_photo()
    {
        using var setup = await AccessSetup.SignInAsync(server);
        var lane = await setup.LaneAsync();
        var holder = await setup.AccreditedGuestAsync();

        var page = await OpenConsoleAsync(lane);
        await ScanAsync(page, holder.Code);

        var verdict = page.GetByTestId("verdict");
        await Assertions.Expect(verdict).ToHaveAttributeAsync("data-verdict", "admitted");
        await Assertions.Expect(page.GetByTestId("verdict-word")).ToHaveTextAsync("ADMITTED");
        // The other language too, as the gate agent prints it: the guest at the lane may read only that one.
        await Assertions.Expect(page.GetByTestId("verdict-word-other")).ToHaveTextAsync("准予通行");
        await Assertions.Expect(page.GetByTestId("holder-name")).ToHaveTextAsync(holder.LatinName);
        await Assertions.Expect(page.GetByTestId("holder-name-original")).ToHaveTextAsync(holder.OriginalName);
        await Assertions.Expect(page.GetByTestId("holder-category")).ToContainTextAsync("Speaker");
        await page.WaitForFunctionAsync("() => { const img = document.querySelector('[data-testid=holder-photo]'); return img && img.complete && img.naturalWidth > 0; }");
        await Assertions.Expect(page.GetByTestId("recent-scan")).ToHaveCountAsync(1);

        await SummitServer.SaveDocsImageAsync(page, "gate-console");

        // The lane PC remembers its gate: the gate choice offers to continue there.
        await SummitServer.GotoLiveAsync(page, "/gate");
        await Assertions.Expect(page.GetByTestId("gate-resume")).ToHaveAttributeAsync("href", $"/gate/{lane.GateId}?direction=Entry");
    }

    [Fact]
    public async Task A_second_entry_and_a_foreign_code_show_the_red_verdict_with_their_reasons()
    {
        using var setup = await AccessSetup.SignInAsync(server);
        var lane = await setup.LaneAsync();
        var holder = await setup.AccreditedGuestAsync(familyName: "李", givenName: "娜", familyLatin: "Li", givenLatin: "Na");
        var page = await OpenConsoleAsync(lane);
        var verdict = page.GetByTestId("verdict");

        // This browser has no camera: the console says so and the scanner keeps working.
        await page.GetByTestId("camera-toggle").ClickAsync();
        await Assertions.Expect(page.GetByTestId("camera-message")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("scan-input")).ToBeFocusedAsync();
        await ScanAsync(page, holder.Code);
        await Assertions.Expect(verdict).ToHaveAttributeAsync("data-verdict", "admitted");

        // The zone has hard anti-passback: the same code cannot enter twice without an exit.
        await ScanAsync(page, holder.Code);
        await Assertions.Expect(verdict).ToHaveAttributeAsync("data-reason", "AlreadyInside");
        await Assertions.Expect(verdict).ToHaveAttributeAsync("data-verdict", "refused");
        await Assertions.Expect(page.GetByTestId("verdict-word")).ToHaveTextAsync("REFUSED");
        await Assertions.Expect(page.GetByTestId("verdict-reason")).ToContainTextAsync("Already inside");
        await Assertions.Expect(page.GetByTestId("verdict-word-other")).ToHaveTextAsync("禁止通行");
        await Assertions.Expect(page.GetByTestId("verdict-reason-other")).ToHaveTextAsync("已在区域内：请先出场");
        await Assertions.Expect(page.GetByTestId("holder-name")).ToHaveTextAsync(holder.LatinName);

        // A click elsewhere on the page must not leave the scanner typing into nothing.
        await page.GetByTestId("recent-scan").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("scan-input")).ToBeFocusedAsync();
        await ScanAsync(page, "https://example.org/not-a-badge");
        await Assertions.Expect(verdict).ToHaveAttributeAsync("data-reason", "BadFormat");
        await Assertions.Expect(page.GetByTestId("verdict-reason")).ToHaveTextAsync("Not a Summit code");
        await Assertions.Expect(page.GetByTestId("verdict-reason-other")).ToHaveTextAsync("不是有效的 Summit 通行码");
        await Assertions.Expect(page.GetByTestId("holder")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("recent-scan")).ToHaveCountAsync(3);

    }

    [Fact]
    public async Task The_live_page_follows_entries_and_double_entries_made_elsewhere_without_a_reload()
    {
        using var setup = await AccessSetup.SignInAsync(server);
        var lane = await setup.LaneAsync();
        var holder = await setup.AccreditedGuestAsync(familyName: "Schmidt", givenName: "Anna", familyLatin: "Schmidt", givenLatin: "Anna",
            organisation: "Fraunhofer Institute");

        var page = await server.NewPageAsync();
        await SummitServer.LoginAsync(page, OperationsEmail);
        await SummitServer.GotoLiveAsync(page, "/access/live");
        var inside = page.Locator($"[data-testid=zone-card][data-zone={lane.ZoneCode}]").GetByTestId("zone-inside");
        await Assertions.Expect(inside).ToHaveTextAsync("0");
        await page.EvaluateAsync("() => window.summitSamePage = true");

        var scan = await setup.ScanAsync(lane, holder.Code);
        Assert.True(scan["admitted"]!.GetValue<bool>(), scan.ToJsonString());

        await Assertions.Expect(inside).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator($"[data-testid=gate-flow][data-gate={lane.GateCode}]")).ToHaveAttributeAsync("data-entries", "1");
        await Assertions.Expect(page.GetByTestId("live-scan").First).ToContainTextAsync(holder.LatinName);

        // An offline gate agent syncs an entry of the same person: the double entry appears, and the operations team closes it.
        var upload = await setup.UploadOfflineEntryAsync(lane, holder.Code);
        Assert.Single(upload["conflicts"]!.AsArray());
        var conflict = page.GetByTestId("conflict").Filter(new() { HasText = holder.LatinName });
        await Assertions.Expect(conflict).ToHaveCountAsync(1);
        await conflict.GetByTestId("resolve-conflict").ClickAsync();
        await page.GetByTestId("reason-input").FillAsync("Badge lent to an assistant; both reissued");
        await page.GetByTestId("confirm-reason").ClickAsync();
        await Assertions.Expect(page.GetByTestId("live-message")).ToContainTextAsync(holder.LatinName);
        await Assertions.Expect(conflict).ToHaveCountAsync(0);
        Assert.True(await page.EvaluateAsync<bool>("() => window.summitSamePage === true"), "The page was reloaded.");
    }

    [Fact]
    public async Task A_code_held_up_to_the_camera_is_scanned_like_a_typed_one()
    {
        using var setup = await AccessSetup.SignInAsync(server);
        var lane = await setup.LaneAsync();
        var holder = await setup.AccreditedGuestAsync(familyName: "Okafor", givenName: "Chidi", familyLatin: "Okafor", givenLatin: "Chidi",
            organisation: "Lagos Business School");
        var film = Path.Combine(Path.GetTempPath(), $"summit-camera-{Guid.NewGuid():N}.y4m");
        var browser = await server.LaunchBrowserAsync(FakeCamera.Filming(holder.Code, film));
        try
        {
            var page = await OpenConsoleAsync(lane, browser);
            await page.GetByTestId("camera-toggle").ClickAsync();

            await Assertions.Expect(page.GetByTestId("verdict")).ToHaveAttributeAsync("data-verdict", "admitted");
            await Assertions.Expect(page.GetByTestId("holder-name")).ToHaveTextAsync(holder.LatinName);
            // The code stays in front of the lens: it is read once, not once per frame.
            await page.WaitForTimeoutAsync(1500);
            await Assertions.Expect(page.GetByTestId("recent-scan")).ToHaveCountAsync(1);
            await page.GetByTestId("camera-toggle").ClickAsync();
            await Assertions.Expect(page.GetByTestId("camera-video")).ToBeHiddenAsync();
        }
        finally
        {
            await browser.CloseAsync();
            File.Delete(film);
        }
    }

    [Fact]
    public async Task The_console_camera_films_the_person_so_a_lent_badge_is_refused_and_its_holder_admitted()
    {
        using var setup = await AccessSetup.SignInAsync(server);
        var lane = await setup.LaneAsync();
        var holder = await setup.AccreditedGuestAsync(familyName: "Haddad", givenName: "Layla", familyLatin: "Haddad", givenLatin: "Layla",
            organisation: "American University of Beirut", photo: SampleFaces.HolderPortrait());
        Assert.Equal("Enrolled", await setup.EnrolFaceAsync(holder.GuestId));
        var before = await setup.FaceDistanceCountsAsync();

        // Someone else comes with the holder's badge: the camera films their face, the console sends it with the code.
        await FilmingAsync(lane, SampleFaces.SomeoneElse(), async page =>
        {
            await Assertions.Expect(page.GetByTestId("gate-console")).ToHaveAttributeAsync("data-faces", "on");
            await Assertions.Expect(page.GetByTestId("face-camera")).ToHaveAttributeAsync("data-state", "on");
            await Assertions.Expect(page.GetByTestId("face-preview")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("face-camera-message")).ToHaveCountAsync(0);
            await WaitForPictureAsync(page);
            await ScanAsync(page, holder.Code);

            var verdict = page.GetByTestId("verdict");
            await Assertions.Expect(verdict).ToHaveAttributeAsync("data-reason", "FaceMismatch");
            await Assertions.Expect(verdict).ToHaveAttributeAsync("data-verdict", "refused");
            await Assertions.Expect(page.GetByTestId("verdict-reason")).ToHaveTextAsync("Face does not match the badge holder: staff check");
            await Assertions.Expect(page.GetByTestId("verdict-reason-other")).ToHaveTextAsync("人脸与持证人不符：请工作人员核验");
            // The operator compares the person with the holder's photo.
            await Assertions.Expect(page.GetByTestId("holder-name")).ToHaveTextAsync(holder.LatinName);
        });
        Assert.Equal((before.Matched, before.Mismatched + 1), await setup.FaceDistanceCountsAsync());

        // The holder comes themself: admitted, the distance recorded as a match.
        await FilmingAsync(lane, SampleFaces.HolderAtTheLane(), async page =>
        {
            await WaitForPictureAsync(page);
            await ScanAsync(page, holder.Code);
            await Assertions.Expect(page.GetByTestId("verdict")).ToHaveAttributeAsync("data-verdict", "admitted");
            await Assertions.Expect(page.GetByTestId("holder-name")).ToHaveTextAsync(holder.LatinName);
        });
        Assert.Equal((before.Matched + 1, before.Mismatched + 1), await setup.FaceDistanceCountsAsync());
    }

    [Fact]
    public async Task Without_a_camera_the_console_says_faces_are_not_checked_and_scans_on_the_code()
    {
        using var setup = await AccessSetup.SignInAsync(server);
        var lane = await setup.LaneAsync();
        var holder = await setup.AccreditedGuestAsync(familyName: "Novak", givenName: "Petra", familyLatin: "Novak", givenLatin: "Petra",
            organisation: "Charles University", photo: SampleFaces.HolderPortrait());
        Assert.Equal("Enrolled", await setup.EnrolFaceAsync(holder.GuestId));
        var before = await setup.FaceDistanceCountsAsync();

        // The shared browser has no camera (and no one to allow one): the server decides as for any scan without a frame.
        var page = await OpenConsoleAsync(lane);
        await Assertions.Expect(page.GetByTestId("face-camera-message")).ToContainTextAsync("Faces are not checked at this console");
        await Assertions.Expect(page.GetByTestId("face-preview")).ToBeHiddenAsync();
        await ScanAsync(page, holder.Code);

        await Assertions.Expect(page.GetByTestId("verdict")).ToHaveAttributeAsync("data-verdict", "admitted");
        Assert.Equal(before, await setup.FaceDistanceCountsAsync());
    }

    /// <summary>Runs the steps in a console whose camera films the picture (a browser of its own: Chromium's fake camera is set at launch).</summary>
    private async Task FilmingAsync(TestLane lane, byte[] picture, Func<IPage, Task> steps)
    {
        var film = Path.Combine(Path.GetTempPath(), $"summit-face-{Guid.NewGuid():N}.y4m");
        var browser = await server.LaunchBrowserAsync(FakeCamera.Filming(picture, film));
        try
        {
            await steps(await OpenConsoleAsync(lane, browser));
        }
        finally
        {
            await browser.CloseAsync();
            File.Delete(film);
        }
    }

    private async Task<IPage> OpenConsoleAsync(TestLane lane, IBrowser? browser = null)
    {
        var page = await server.NewPageAsync(browser: browser);
        await SummitServer.LoginAsync(page, OperatorEmail);
        await SummitServer.GotoLiveAsync(page, $"/gate/{lane.GateId}?direction=Entry");
        // The console puts the cursor in the scan field by itself: the scanner types wherever the focus is.
        await Assertions.Expect(page.GetByTestId("scan-input")).ToBeFocusedAsync();
        return page;
    }

    /// <summary>Waits until the face camera's preview shows a picture: a scan before it would go without a frame.</summary>
    private static Task WaitForPictureAsync(IPage page) =>
        page.WaitForFunctionAsync("() => { const v = document.querySelector('[data-testid=face-preview]'); return v && v.readyState >= 2 && v.videoWidth > 0; }");

    /// <summary>Types like a keyboard-wedge scanner: the characters, then Enter, into whatever has the focus.</summary>
    private static async Task ScanAsync(IPage page, string code)
    {
        await page.Keyboard.TypeAsync(code);
        await page.Keyboard.PressAsync("Enter");
    }
}
