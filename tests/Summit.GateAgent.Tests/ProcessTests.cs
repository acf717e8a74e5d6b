using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Summit.Access.Core;

namespace Summit.GateAgent.Tests;

/// <summary>The agent as gate staff run it: a process reading standard input, with exit codes.</summary>
public sealed class ProcessTests
{
    private static readonly string AgentAssembly = Path.Combine(AppContext.BaseDirectory, "Summit.GateAgent.dll");

    [Fact]
    public async Task Help_exits_0_and_a_bad_command_line_exits_2_in_both_languages()
    {
        var help = await RunAsync([], "", "--help");
        var bad = await RunAsync([], "", "--server", "http://127.0.0.1:9");

        Assert.Equal(ExitCodes.Stopped, help.ExitCode);
        Assert.Contains("Exit codes / 退出码", help.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, bad.ExitCode);
        Assert.Contains("The device token is missing", bad.Error, StringComparison.Ordinal);
        Assert.Contains("缺少设备令牌", bad.Error, StringComparison.Ordinal);
        Assert.Empty(bad.Output);
    }

    [Fact]
    public async Task A_damaged_journal_exits_3_and_a_taken_address_exits_4()
    {
        var data = Directory.CreateTempSubdirectory("summit-gate-process-").FullName;
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var environment = new Dictionary<string, string> { ["SUMMIT_GATE_TOKEN"] = FakeDeviceServer.Token, ["SUMMIT_GATE_SERVER"] = "http://127.0.0.1:9" };
            var busy = await RunAsync(environment, "", "--data", data, "--listen", taken.LocalEndpoint.ToString()!, "--no-stdin");
            File.WriteAllText(Path.Combine(data, GateAgent.JournalFile), "this is not a journal, it is a shopping list: milk, eggs, tea");
            var damaged = await RunAsync(environment, "", "--data", data, "--listen", "off", "--no-stdin");

            Assert.Equal(ExitCodes.LocalEndpoint, busy.ExitCode);
            Assert.Contains(taken.LocalEndpoint.ToString()!, busy.Error, StringComparison.Ordinal);
            Assert.Equal(ExitCodes.LocalData, damaged.ExitCode);
            Assert.Contains(Path.Combine(data, GateAgent.JournalFile), damaged.Error, StringComparison.Ordinal);
            Assert.DoesNotContain(FakeDeviceServer.Token, busy.Error + damaged.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task As_a_process_it_decides_standard_input_from_the_last_sync_and_its_scans_go_up_once()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.Agent.StopAsync();
        var now = CredentialTime.FloorToMinute(TimeProvider.System.GetUtcNow());
        var guest = GateWorld.Issue(validFrom: now.AddHours(-1), validUntil: now.AddHours(1));
        var tokenFile = Path.Combine(h.DataDirectory, "token");
        File.WriteAllText(tokenFile, FakeDeviceServer.Token + "\n");
        h.Server.Down = true;

        var run = await RunAsync([], $"{guest.Code}\n{guest.Code}\n",
            "--server", h.Server.Url.ToString(), "--token-file", tokenFile, "--data", h.DataDirectory, "--listen", "off", "--exit-on-eof");

        Assert.Equal(ExitCodes.Stopped, run.ExitCode);
        var printed = run.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, printed.Length);
        Assert.StartsWith($"ADMITTED Admitted (0) Entry credential={guest.Id}", printed[0], StringComparison.Ordinal);
        Assert.StartsWith($"REFUSED  AlreadyInside (18) Entry credential={guest.Id}", printed[1], StringComparison.Ordinal);
        Assert.Contains("Gate agent starting", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeDeviceServer.Token, run.Output + run.Error, StringComparison.Ordinal);

        h.Server.Down = false;
        var agent = await h.RestartAsync();
        Assert.True((await agent.UploadNowAsync()).Complete);
        Assert.Equal(2, h.Server.Recorded.Count);
        Assert.All(h.Server.Recorded.Values, scan => Assert.Equal(guest.Code, scan.Code));
    }

    [Fact]
    public async Task SIGTERM_stops_it_with_exit_code_0_even_while_it_waits_for_the_scanner()
    {
        var data = Directory.CreateTempSubdirectory("summit-gate-process-").FullName;
        try
        {
            using var process = Process.Start(StartInfo(
                new() { ["SUMMIT_GATE_TOKEN"] = FakeDeviceServer.Token, ["SUMMIT_GATE_SERVER"] = "http://127.0.0.1:9" },
                "--data", data, "--listen", "off"))!;
            // Standard input stays open and empty: once the first exchange has failed, the agent sits in a read from the scanner.
            string? line;
            while ((line = await process.StandardError.ReadLineAsync()) is not null && !line.Contains("Server exchange failed", StringComparison.Ordinal))
            {
            }
            var rest = process.StandardError.ReadToEndAsync();

            Assert.Equal(0, Kill(process.Id, Sigterm));
            await WaitForExitAsync(process);

            Assert.Equal(ExitCodes.Stopped, process.ExitCode);
            Assert.Contains("Stopping", await rest, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private const int Sigterm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private static ProcessStartInfo StartInfo(Dictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AgentAssembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("SUMMIT_GATE_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        return start;
    }

    private static async Task WaitForExitAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(Dictionary<string, string> environment, string input, params string[] args)
    {
        using var process = Process.Start(StartInfo(environment, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        await WaitForExitAsync(process);
        return (process.ExitCode, await output, await error);
    }
}
