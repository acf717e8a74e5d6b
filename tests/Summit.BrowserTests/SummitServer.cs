using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace Summit.BrowserTests;

/// <summary>
/// The real Summit server, started as its own process with the demo event on a fresh SQLite data folder,
/// and a headless Chromium driven by Playwright.
/// </summary>
public sealed class SummitServer : IAsyncLifetime
{
    public const string AdminEmail = "admin@summit.local";
    public const string OfficerEmail = "accreditationofficer@summit.local";
    public const string Password = "Summit-Demo-2021";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "summit-browser", Guid.NewGuid().ToString("N"));
    private Process? _server;
    private IPlaywright? _playwright;

    /// <summary>The server's last output lines and the pages' console errors, written beside the test results when the run ends.</summary>
    private readonly ConcurrentQueue<string> _log = new();

    /// <summary>The browser contexts opened since the last test ended, closed by <see cref="ClosePagesAsync"/>.</summary>
    private readonly ConcurrentQueue<IBrowserContext> _contexts = new();

    public string BaseUrl { get; private set; } = "";

    /// <summary>The port of the server's in-process MQTT broker, where sensors publish their readings.</summary>
    public int MqttPort { get; private set; }
    public IBrowser Browser { get; private set; } = null!;
    public string OutboxDirectory => Path.Combine(_dataDirectory, "outbox");

    public async Task InitializeAsync()
    {
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        MqttPort = FreePort();
        Directory.CreateDirectory(_dataDirectory);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _dataDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The in-process MQTT broker on a port of its own: the default 1883 may belong to a Mosquitto or another Summit. The live
        // demo stays off: its turnstiles and cameras would scan and hold lanes beside what each test does and then asserts.
        foreach (var arg in new[] { ServerAssembly(), "demo", "--no-live", "--guests", "300", "--urls", BaseUrl, "--Summit:DataDirectory", _dataDirectory,
            "--Summit:Mqtt:Port", MqttPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--Summit:Mqtt:BindAddress", "127.0.0.1",
            // Every SQL command at information level would push what went wrong out of the kept log.
            "--Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning",
            // Some thirty sign-ins and API tokens a minute from one address: the production limit (30) sent a fast run's sign-in back to
            // /login?error=rate_limited, which the tests saw as a 20 s hang. The limit itself is tested in Summit.Tests (SignInAbuseTests).
            "--Summit:Security:SignInRequestsPerMinute", "100000" })
        {
            start.ArgumentList.Add(arg);
        }

        _server = Process.Start(start) ?? throw new InvalidOperationException("Could not start the Summit server.");
        _server.OutputDataReceived += (_, e) => Log(e.Data);
        _server.ErrorDataReceived += (_, e) => Log(e.Data);
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        await WaitUntilHealthyAsync();

        // A loaded CI machine (two cores shared by the server, the tests and Chromium) answers slower than a quiet one.
        Assertions.SetDefaultExpectTimeout(10_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchBrowserAsync();
    }

    /// <summary>Another headless Chromium, with extra command-line switches (a fake camera...); the caller closes it.</summary>
    public Task<IBrowser> LaunchBrowserAsync(params string[] switches) => _playwright!.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = Environment.GetEnvironmentVariable("SUMMIT_CHROMIUM") ?? "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-dev-shm-usage", .. switches],
    });

    public async Task<IPage> NewPageAsync(string language = "en", IBrowser? browser = null)
    {
        var context = await (browser ?? Browser).NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = language });
        _contexts.Enqueue(context);
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        // A lost circuit shows in the browser's console only: keep it with the server's log.
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                Log($"browser {message.Type} at {page.Url}: {message.Text}");
            }
        };
        return page;
    }

    /// <summary>
    /// Closes the pages a test opened. Left open, every live page of the earlier tests (a dashboard redrawn on each scan, a gate
    /// console) keeps its circuit and its timers busy in the server and in Chromium, and slows the tests after it on two cores.
    /// </summary>
    public async Task ClosePagesAsync()
    {
        while (_contexts.TryDequeue(out var context))
        {
            try
            {
                await context.CloseAsync();
            }
            catch (PlaywrightException)
            {
                // Its browser was closed already (a test's own browser with a fake camera).
            }
        }
    }

    /// <summary>Signs in through the real form and waits for the interactive UI to be live.</summary>
    /// <param name="origin">Another server's address (the two-node tests); the shared server's by default.</param>
    public static async Task LoginAsync(IPage page, string email, string password = Password, string? origin = null)
    {
        await page.GotoAsync(origin + "/login");
        await page.GetByTestId("login-email").FillAsync(email);
        await page.GetByTestId("login-password").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
        // The parsed page is enough (the next step waits for what it needs, a live circuit or an element). A refusal comes back to
        // /login with an error: fail at once, naming it, rather than time out.
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal) || url.Contains("error=", StringComparison.Ordinal),
            new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        Assert.DoesNotContain("/login", page.Url, StringComparison.Ordinal);
    }

    /// <summary>
    /// With SUMMIT_DOCS_IMAGES=$PWD/docs/images, saves the page as a 1920×1080 screen shows it (the README's and guides' pictures), once
    /// its images have loaded; nothing otherwise.
    /// </summary>
    public static async Task SaveDocsImageAsync(IPage page, string name, bool fullPage = false)
    {
        if (Environment.GetEnvironmentVariable("SUMMIT_DOCS_IMAGES") is not { Length: > 0 } folder)
        {
            return;
        }

        await page.SetViewportSizeAsync(1920, 1080);
        await page.WaitForFunctionAsync("() => [...document.images].every(i => i.complete)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = fullPage });
    }

    /// <summary>Opens a MudBlazor select (once its list is open) and picks the item with the given text.</summary>
    public static async Task ChooseAsync(IPage page, string testId, string item)
    {
        var list = page.Locator(".mud-popover-open .mud-list-item");
        // A click that lands while a dialog is still opening is lost (seen once in a full run): clicked again, only while no list is open.
        for (var attempt = 0; attempt < 3 && await list.CountAsync() == 0; attempt++)
        {
            await page.GetByTestId(testId).ClickAsync(new() { Force = true });
            try
            {
                await Assertions.Expect(list.First).ToBeVisibleAsync(new() { Timeout = 3_000 });
            }
            catch (PlaywrightException) when (attempt < 2)
            {
            }
        }

        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = item }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    /// <summary>Goes to a page and waits until its Blazor circuit is connected, so input is not lost.</summary>
    public static async Task GotoLiveAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.Locator("[data-interactive=true]").WaitForAsync();
    }

    public async Task DisposeAsync()
    {
        WriteLog();
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }

        _server?.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean up.
        }
    }

    private void Log(string? line)
    {
        if (line is null)
        {
            return;
        }

        _log.Enqueue($"{TimeProvider.System.GetUtcNow():HH:mm:ss.fff} {line}");
        while (_log.Count > 50_000 && _log.TryDequeue(out _))
        {
        }
    }

    /// <summary>Keeps the log where scripts/test.sh shows it when a run fails (SUMMIT_TEST_LOGS), so a failure seen once can be explained.</summary>
    private void WriteLog()
    {
        if (Environment.GetEnvironmentVariable("SUMMIT_TEST_LOGS") is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
            File.WriteAllLines(Path.Combine(directory, $"browser-server-{Guid.NewGuid():N}.log"), _log);
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_server!.HasExited)
            {
                throw new InvalidOperationException($"The Summit server exited with code {_server.ExitCode}.");
            }

            try
            {
                if ((await http.GetAsync(BaseUrl + "/health")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("The Summit server did not become healthy within 90 s.");
    }

    /// <summary>The server assembly built beside this test assembly's configuration (Debug or Release).</summary>
    internal static string ServerAssembly()
    {
        var here = AppContext.BaseDirectory;
        var configuration = here.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var root = new DirectoryInfo(here);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Summit.slnx")))
        {
            root = root.Parent;
        }

        var path = Path.Combine(root?.FullName ?? throw new InvalidOperationException("Repository root not found."),
            "src", "Summit.Server", "bin", configuration, "net10.0", "Summit.Server.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the server first.", path);
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
