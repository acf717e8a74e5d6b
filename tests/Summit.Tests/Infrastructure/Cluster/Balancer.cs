using System.Diagnostics;
using Summit.Tests.Screening;

namespace Summit.Tests.Infrastructure.Cluster;

/// <summary>
/// HAProxy (the Debian package) in front of the nodes, with the configuration that docs/operations.md documents
/// (docs/cluster/haproxy.cfg; only the bind address and the servers' addresses changed). Fails clearly when haproxy is missing.
/// </summary>
public sealed class Balancer : IAsyncDisposable
{
    public const string HaproxyPath = "/usr/sbin/haproxy";

    private readonly Process _process;
    private readonly string _directory;

    private Balancer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Url = $"http://127.0.0.1:{port}";
    }

    public string Url { get; }

    public static async Task<Balancer> StartAsync(int port, Uri a, Uri b)
    {
        if (!File.Exists(HaproxyPath))
        {
            throw new InvalidOperationException($"{HaproxyPath} is not installed: apt-get install -y haproxy (scripts/test.sh installs it).");
        }

        var documented = await File.ReadAllTextAsync(Path.Combine(MosquittoFactory.RepositoryRoot(), "docs", "cluster", "haproxy.cfg"));
        var local = documented.Replace("    bind :80\n", $"    bind 127.0.0.1:{port}\n", StringComparison.Ordinal)
            .Replace("server a 10.0.0.20:8080", $"server a {a.Host}:{a.Port}", StringComparison.Ordinal)
            .Replace("server b 10.0.0.21:8080", $"server b {b.Host}:{b.Port}", StringComparison.Ordinal);
        if (!local.Contains($"bind 127.0.0.1:{port}", StringComparison.Ordinal) || !local.Contains($"server a {a.Host}:{a.Port}", StringComparison.Ordinal)
            || !local.Contains($"server b {b.Host}:{b.Port}", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("docs/cluster/haproxy.cfg no longer has the lines this fixture adapts.");
        }

        var directory = Path.Combine(Path.GetTempPath(), "summit-haproxy-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var config = Path.Combine(directory, "haproxy.cfg");
        await File.WriteAllTextAsync(config, local);
        var process = Process.Start(new ProcessStartInfo(HaproxyPath, ["-db", "-f", config])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("haproxy did not start.");
        process.ErrorDataReceived += (_, _) => { };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        MosquittoFactory.WaitForPort(port);
        return new Balancer(process, directory, port);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
