using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Summit.Access.Core;

namespace Summit.GateAgent.Tests;

/// <summary>
/// A fake server and an agent on a temporary data folder, on a fake clock set to 9 November 2021, 09:00 in Wuzhen. The agent
/// exchanges with the server only when a test says so (<see cref="GateAgent.SyncNowAsync"/>, <see cref="GateAgent.UploadNowAsync"/>).
/// </summary>
internal sealed class AgentHarness : IAsyncDisposable
{
    private AgentHarness(FakeDeviceServer server, FakeTimeProvider time, string dataDirectory, string? cameraFolder, IFaceReader? faceReader)
    {
        Server = server;
        Time = time;
        DataDirectory = dataDirectory;
        CameraFolder = cameraFolder;
        FaceReader = faceReader;
    }

    /// <summary>The folder the lane camera writes frames into; null when the agent has no camera.</summary>
    public string? CameraFolder { get; }

    public IFaceReader? FaceReader { get; }

    public FakeDeviceServer Server { get; }

    public FakeTimeProvider Time { get; }

    public string DataDirectory { get; }

    public LogCollector Logs { get; } = new();

    public GateAgent Agent { get; private set; } = null!;

    public static async Task<AgentHarness> StartAsync(bool localEndpoint = false, bool sync = true, string? token = null, bool camera = false,
        IFaceReader? faceReader = null, FakeFaces? faces = null)
    {
        var time = new FakeTimeProvider(GateWorld.Local(9, 9));
        var server = await FakeDeviceServer.StartAsync(time);
        server.Faces = faces;
        var harness = new AgentHarness(server, time, Directory.CreateTempSubdirectory("summit-gate-").FullName,
            camera ? Directory.CreateTempSubdirectory("summit-camera-").FullName : null, faceReader);
        await harness.StartAgentAsync(localEndpoint, token);
        if (sync)
        {
            Assert.True(await harness.Agent.SyncNowAsync());
        }
        return harness;
    }

    public AgentOptions Options(bool localEndpoint = false, string? token = null, string? dataDirectory = null, bool background = false) => new()
    {
        ServerUrl = Server.Url,
        DeviceToken = token ?? FakeDeviceServer.Token,
        DataDirectory = dataDirectory ?? DataDirectory,
        Listen = localEndpoint ? new IPEndPoint(IPAddress.Loopback, 0) : null,
        ExchangeInBackground = background,
        CameraFolder = CameraFolder,
        FaceReader = FaceReader,
    };

    /// <summary>Starts a new agent on the same data folder, as after a restart of the turnstile PC (the old one is disposed).</summary>
    public async Task<GateAgent> RestartAsync(bool localEndpoint = false, string? token = null)
    {
        await Agent.DisposeAsync();
        await StartAgentAsync(localEndpoint, token);
        return Agent;
    }

    /// <summary>Scans a code at the stdin of the agent and returns the verdict line it printed.</summary>
    public async Task<string> TypeAsync(string text)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(text));
        using var output = new StringWriter();
        await ScanLines.ScanAllAsync(Agent, input, output);
        return output.ToString();
    }

    public async Task<LocalScanResponse> PostScanAsync(string code, GateDirection? direction = null)
    {
        using var http = new HttpClient { BaseAddress = Agent.LocalAddress };
        using var response = await http.PostAsJsonAsync("scan", new LocalScanRequest(code, direction), AgentJson.Options);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<LocalScanResponse>(AgentJson.Options))!;
    }

    public async ValueTask DisposeAsync()
    {
        await Agent.DisposeAsync();
        await Server.DisposeAsync();
        Logs.Dispose();
        Directory.Delete(DataDirectory, recursive: true);
        if (CameraFolder is not null)
        {
            Directory.Delete(CameraFolder, recursive: true);
        }
    }

    /// <summary>The lane camera shows these frames next (written into its folder, as a camera would).</summary>
    public void Show(params byte[][] frames)
    {
        foreach (var frame in frames)
        {
            File.WriteAllBytes(Path.Combine(CameraFolder!, $"{Guid.NewGuid():N}.jpg"), frame);
        }
    }

    /// <summary>The frames the camera wrote that nobody took.</summary>
    public int FramesWaiting => Directory.GetFiles(CameraFolder!).Length;

    private async Task StartAgentAsync(bool localEndpoint, string? token)
    {
        Agent = new GateAgent(Options(localEndpoint, token), Time, Logs.Factory);
        await Agent.StartAsync();
    }
}
