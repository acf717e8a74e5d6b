using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Summit.GateAgent;

/// <summary>
/// The local HTTP endpoint for a turnstile controller on the same computer: POST /scan {code, direction?} answers the verdict,
/// GET /status the agent's state. No authentication: it listens on the loopback address by default.
/// </summary>
internal sealed class LocalEndpoint : IAsyncDisposable
{
    /// <summary>A scan request is a code of at most a few hundred characters; anything far larger is refused unread.</summary>
    private const long MaxRequestBodyBytes = 16 * 1024;

    private readonly WebApplication _app;

    private LocalEndpoint(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<LocalEndpoint> StartAsync(GateAgent agent, IPEndPoint listen, ILoggerFactory loggers, CancellationToken cancellation)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        // The agent owns Ctrl+C and SIGTERM; the endpoint is stopped by the agent, not by the console.
        builder.Services.AddSingleton<IHostLifetime, AgentOwnedLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(listen);
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            kestrel.AddServerHeader = false;
        });
        var app = builder.Build();
        app.MapPost("/scan", (HttpRequest request) => ScanAsync(request, agent));
        app.MapGet("/status", () => Results.Json(agent.Status(), AgentJson.Options));
        try
        {
            await app.StartAsync(cancellation);
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            await app.DisposeAsync();
            throw new LocalEndpointException($"The local endpoint cannot listen on {listen}: {e.Message}", e);
        }
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new LocalEndpoint(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task<IResult> ScanAsync(HttpRequest request, GateAgent agent)
    {
        LocalScanRequest? scan;
        try
        {
            scan = await JsonSerializer.DeserializeAsync<LocalScanRequest>(request.Body, AgentJson.Options, request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            return Problem(StatusCodes.Status400BadRequest, "bad_request",
                new("The body must be JSON {\"code\": \"...\", \"direction\": \"Entry\" | \"Exit\"}.", "请求体必须是 JSON：{\"code\": \"...\", \"direction\": \"Entry\" | \"Exit\"}。"));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problem(e.StatusCode, "too_large", new($"The body is larger than {MaxRequestBodyBytes} bytes.", $"请求体超过 {MaxRequestBodyBytes} 字节。"));
        }
        if (scan is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "bad_request", new("The body is empty JSON (null).", "请求体为空（null）。"));
        }
        return Results.Json(LocalScanResponse.From(agent.Scan(scan.Code, scan.Direction)), AgentJson.Options);
    }

    private static IResult Problem(int status, string code, BilingualText title) =>
        Results.Json(new LocalProblem(code, title.En, title.Zh), AgentJson.Options, statusCode: status);

    private sealed class AgentOwnedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
