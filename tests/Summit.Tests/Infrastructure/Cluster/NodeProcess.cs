using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace Summit.Tests.Infrastructure.Cluster;

/// <summary>
/// One Summit server as its own operating-system process, run from the build output as a deployment runs it (Production
/// environment): what the multi-node suite starts twice and kills with SIGKILL.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();

    private NodeProcess(string name, string url, Process process)
    {
        Name = name;
        Url = url;
        _process = process;
    }

    public string Name { get; }

    public string Url { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts <c>summit</c> with these arguments in its data folder and waits until /health answers. Give each node its own
    /// <c>--Summit:Mqtt:Port</c> (its in-process broker), or 0 for none.
    /// </summary>
    public static async Task<NodeProcess> StartAsync(string name, string dataDirectory, string database, int port, params string[] arguments)
    {
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = dataDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "Summit.Server.dll") }.Concat(arguments).Concat(
                     ["--urls", url, "--Summit:DataDirectory", dataDirectory, "--Summit:Database", database,
                         "--Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning", "--Logging:LogLevel:Microsoft.AspNetCore", "Warning"]))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Summit node {name} did not start.");
        var node = new NodeProcess(name, url, process);
        process.OutputDataReceived += (_, e) => node.Log(e.Data);
        process.ErrorDataReceived += (_, e) => node.Log(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await node.WaitUntilHealthyAsync();
        return node;
    }

    /// <summary>Gives another node's data folder the same data key: every node reads and writes the same encrypted fields (docs/operations.md).</summary>
    public static void CopyDataKey(string fromDataDirectory, string toDataDirectory)
    {
        Directory.CreateDirectory(Path.Combine(toDataDirectory, "keys"));
        foreach (var key in Directory.GetFiles(Path.Combine(fromDataDirectory, "keys")))
        {
            File.Copy(key, Path.Combine(toDataDirectory, "keys", Path.GetFileName(key)));
        }
    }

    /// <summary>kill -9: no shutdown, no flush, the connections cut.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>The node's last output lines, for a failure message.</summary>
    public string Tail(int lines = 40) => string.Join('\n', _log.TakeLast(lines));

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        if (Environment.GetEnvironmentVariable("SUMMIT_TEST_LOGS") is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
            await File.WriteAllLinesAsync(Path.Combine(directory, $"cluster-node-{Name}-{Guid.NewGuid():N}.log"), _log);
        }

        _process.Dispose();
    }

    private void Log(string? line)
    {
        if (line is null)
        {
            return;
        }

        _log.Enqueue($"{TimeProvider.System.GetUtcNow():HH:mm:ss.fff} {line}");
        while (_log.Count > 20_000 && _log.TryDequeue(out _))
        {
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(180))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Summit node {Name} exited with code {_process.ExitCode}:\n{Tail()}");
            }

            try
            {
                if ((await http.GetAsync(Url + "/health")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Summit node {Name} did not answer /health within 180 s:\n{Tail()}");
    }
}
