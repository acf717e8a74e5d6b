using Microsoft.Playwright;

namespace Summit.BrowserTests;

[Collection(ServerCollection.Name)]
public class LanguageAndLoginTests(SummitServer server) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>The pages this test opened are closed, so that they do not load the tests after it.</summary>
    public Task DisposeAsync() => server.ClosePagesAsync();

    [Fact]
    public async Task Wrong_password_shows_the_reason()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByTestId("login-email").FillAsync(SummitServer.AdminEmail);
        await page.GetByTestId("login-password").FillAsync("not-the-password");
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("login-error")).ToContainTextAsync("Wrong email or password");
    }

    [Fact]
    public async Task The_language_switch_shows_Chinese()
    {
        var page = await server.NewPageAsync();
        await SummitServer.LoginAsync(page, SummitServer.AdminEmail);
        await page.GotoAsync("/guests");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Guests" })).ToBeVisibleAsync();
        await page.GetByTestId("lang-zh").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "嘉宾" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("lang-en")).ToBeVisibleAsync();
    }
}
