using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Summit.Access.Core.Sync;

namespace Summit.GateAgent;

/// <summary>The device API of the Summit server (src/Summit.Access.Core/Sync/DeviceContract.cs). Never throws for a network
/// or server failure: it answers <see cref="AnswerKind.Failed"/> so the agent keeps deciding offline.</summary>
public sealed class DeviceClient : IDisposable
{
    /// <summary>Longer than a holds request may wait (<see cref="AgentOptions.HoldsWait"/>) plus the answer's way back.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);

    private readonly HttpClient _http;

    public DeviceClient(Uri serverUrl, string deviceToken, HttpMessageHandler? handler)
    {
        _http = handler is null
            ? new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5) })
            : new HttpClient(handler, disposeHandler: false);
        _http.BaseAddress = serverUrl;
        _http.Timeout = RequestTimeout;
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Device", deviceToken);
    }

    public Task<ServerAnswer<DeviceInfo>> GetDeviceAsync(CancellationToken cancellation) =>
        SendAsync<DeviceInfo>(new HttpRequestMessage(HttpMethod.Get, "api/v1/device/me"), cancellation);

    /// <param name="knownVersion">The policy version the gate has; the server answers 304 when it is still current.</param>
    public Task<ServerAnswer<GatePolicyDocument>> GetPolicyAsync(long? knownVersion, CancellationToken cancellation)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/device/policy");
        if (knownVersion is { } version)
        {
            request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{version.ToString(CultureInfo.InvariantCulture)}\""));
        }
        return SendAsync<GatePolicyDocument>(request, cancellation);
    }

    /// <summary>
    /// The lane's holds. With <paramref name="knownTag"/> the server waits up to <paramref name="wait"/> for them to change and answers
    /// 304 (<see cref="AnswerKind.NotModified"/>) when they did not; without it, it answers at once.
    /// </summary>
    public Task<ServerAnswer<GateHoldsDocument>> GetHoldsAsync(string? knownTag, TimeSpan wait, CancellationToken cancellation)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/device/holds");
        if (knownTag is not null)
        {
            request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{knownTag}\""));
            request.Headers.Add("Prefer", string.Create(CultureInfo.InvariantCulture, $"wait={(int)wait.TotalSeconds}"));
        }
        return SendAsync<GateHoldsDocument>(request, cancellation);
    }

    /// <param name="knownTag">The tag of the face set the gate has; the server answers 304 when it is still current.</param>
    public Task<ServerAnswer<GateFacesDocument>> GetFacesAsync(string? knownTag, CancellationToken cancellation)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/device/faces");
        if (knownTag is not null)
        {
            request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{knownTag}\""));
        }
        return SendAsync<GateFacesDocument>(request, cancellation);
    }

    public Task<ServerAnswer<PresenceDocument>> GetPresenceAsync(CancellationToken cancellation) =>
        SendAsync<PresenceDocument>(new HttpRequestMessage(HttpMethod.Get, "api/v1/device/presence"), cancellation);

    public Task<ServerAnswer<ScanUploadResponse>> UploadAsync(IReadOnlyList<JournalScan> scans, CancellationToken cancellation) =>
        SendAsync<ScanUploadResponse>(new HttpRequestMessage(HttpMethod.Post, "api/v1/device/scans/upload")
        {
            Content = JsonContent.Create(new ScanUploadRequest(scans), options: AgentJson.Options),
        }, cancellation);

    public void Dispose() => _http.Dispose();

    /// <summary>The start of an error answer (a problem's title says what the server disliked), on one line.</summary>
    private static async Task<string> ExcerptAsync(HttpResponseMessage response, CancellationToken cancellation)
    {
        const int Length = 300;
        var body = await response.Content.ReadAsStringAsync(cancellation);
        var line = string.Join(' ', body.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length > Length ? line[..Length] + "…" : line;
    }

    private async Task<ServerAnswer<T>> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellation) where T : class
    {
        using var _ = request;
        var what = $"{request.Method} {request.RequestUri}";
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation);
            switch (response.StatusCode)
            {
                case HttpStatusCode.NotModified:
                    return new(AnswerKind.NotModified, null, null);
                case HttpStatusCode.Unauthorized:
                    return new(AnswerKind.Unauthorized, null, $"{what}: 401 Unauthorized");
                case var status when !response.IsSuccessStatusCode:
                    return ServerAnswer<T>.Fail($"{what}: {(int)status} {response.ReasonPhrase} {await ExcerptAsync(response, cancellation)}".TrimEnd());
                default:
                    var value = await response.Content.ReadFromJsonAsync<T>(AgentJson.Options, cancellation);
                    return value is null ? ServerAnswer<T>.Fail($"{what}: empty body") : new(AnswerKind.Ok, value, null);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            throw;
        }
        catch (TaskCanceledException)
        {
            return ServerAnswer<T>.Fail($"{what}: no answer within {RequestTimeout.TotalSeconds:0} s");
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return ServerAnswer<T>.Fail($"{what}: {e.Message}");
        }
        catch (JsonException e)
        {
            return ServerAnswer<T>.Fail($"{what}: the answer is not the device contract's JSON ({e.Message})");
        }
    }
}
