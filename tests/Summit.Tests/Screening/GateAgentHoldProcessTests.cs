using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Summit.Access.Core;
using Summit.Access.Core.Sync;
using Summit.Server.Access.Contracts;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Screening.Contracts;
using Summit.Server.Screening.Holds;
using Summit.Server.Screening.Ingestion;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Screening;

/// <summary>
/// Issue 10's lane N1: the gate agent at a screened lane, as a process, against the real server. A fever reading published to the
/// server's MQTT broker holds the lane and the agent refuses the next entry with "secondary screening" in both languages; an
/// officer's clearing reopens it and the agent admits again; the refusal reaches the server with its reason.
/// </summary>
public sealed class GateAgentHoldProcessTests(LiveScreeningFactory app) : IClassFixture<LiveScreeningFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_agent_at_a_lane_refuses_entries_while_a_fever_holds_it_and_admits_again_once_an_officer_clears_it()
    {
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var gate = await AccessIntents.CreateGateAsync(secretariat, "N1", app.Venue.Main.Id, GateDirections.Entry);
        var sensor = await app.EnrolSensorAsync(gate.Id, "IR-N1");
        var people = await app.ApprovedGuestsWithCodesAsync(2);
        await using var agent = await AgentProcess.StartAsync(app.Address, await app.EnrolDeviceAsync(gate.Id));
        await agent.WaitForStatusAsync(s => s["canAdmit"]!.GetValue<bool>() && s["screening"]!["known"]!.GetValue<bool>(), "in contact and deciding");
        Assert.StartsWith("ADMITTED Admitted (0) Entry", await agent.ScanAsync(people[0].Code), StringComparison.Ordinal);

        using var publisher = await app.PublisherAsync(sensor.Sensor.Code, sensor.Secret);
        await ScreeningFactory.PublishAsync(publisher, SensorMessages.TopicFor(sensor.Sensor.Code), app.Reading(sensor, 38.4, 1, LiveScreeningFactory.Now));
        await agent.WaitForStatusAsync(s => s["screening"]!["held"]!.GetValue<bool>(), "the lane held");
        var refused = await agent.ScanAsync(people[1].Code);
        Assert.StartsWith("REFUSED  ScreeningHold (23) Entry", refused, StringComparison.Ordinal);
        Assert.EndsWith("| Secondary screening: wait for a security officer / 需二次体温筛查：请等候安保人员", refused, StringComparison.Ordinal);

        using var officer = await app.ClientForAsync(Roles.SecurityOfficer);
        var hold = (await (await officer.GetAsync("/api/v1/screening/holds")).OkAsync<List<HoldView>>()).Single(h => h.GateId == gate.Id && h.Status == HoldStatus.Open);
        await (await officer.PostAsJsonAsync($"/api/v1/screening/holds/{hold.Id}/clear", new HoldDecisionInput(36.7, "re-measured at the lane"), Intents.Json))
            .OkAsync<HoldView>();
        await agent.WaitForStatusAsync(s => !s["screening"]!["held"]!.GetValue<bool>(), "the hold lifted");
        Assert.StartsWith("ADMITTED Admitted (0) Entry", await agent.ScanAsync(people[1].Code), StringComparison.Ordinal);

        // The journal goes up: the server records the refusal with its reason, as the agent decided it.
        await agent.WaitForStatusAsync(s => s["pendingUploads"]!.GetValue<long>() == 0, "the journal uploaded");
        var recorded = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Scans.AsNoTracking()
            .Where(s => s.GateId == gate.Id).OrderBy(s => s.ScannedAt).Select(s => new { s.Reason, s.Source, s.GuestId }).ToListAsync());
        Assert.Equal([ReasonCode.Admitted, ReasonCode.ScreeningHold, ReasonCode.Admitted], recorded.Select(s => s.Reason));
        Assert.All(recorded, s => Assert.Equal(ScanSource.Agent, s.Source));
        Assert.Equal(people[1].GuestId, recorded[1].GuestId);
    }

    /// <summary>The gate agent as staff run it: scans typed on standard input, verdict lines on standard output, status on its endpoint.</summary>
    private sealed class AgentProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly string _data;
        private readonly HttpClient _endpoint;
        private readonly ConcurrentQueue<string> _log = new();

        private AgentProcess(Process process, string data, Uri endpoint)
        {
            _process = process;
            _data = data;
            _endpoint = new HttpClient { BaseAddress = endpoint };
            _process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    _log.Enqueue(e.Data);
                }
            };
            _process.BeginErrorReadLine();
        }

        public static Task<AgentProcess> StartAsync(Uri server, string token)
        {
            var data = Directory.CreateTempSubdirectory("summit-agent-process-").FullName;
            var tokenFile = Path.Combine(data, "token");
            File.WriteAllText(tokenFile, token);
            var listen = new IPEndPoint(IPAddress.Loopback, ScreeningFactory.FreePort());
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Summit.GateAgent.dll"), "--server", server.ToString(), "--token-file", tokenFile,
                         "--data", Path.Combine(data, "gate"), "--listen", listen.ToString() })
            {
                start.ArgumentList.Add(arg);
            }

            foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("SUMMIT_GATE_", StringComparison.Ordinal)).ToList())
            {
                start.Environment.Remove(name);
            }

            var process = Process.Start(start) ?? throw new InvalidOperationException("The gate agent did not start.");
            return Task.FromResult(new AgentProcess(process, data, new Uri($"http://{listen}/")));
        }

        /// <summary>Types a code and Enter, as the scanner does, and reads the verdict line the agent prints.</summary>
        public async Task<string> ScanAsync(string code)
        {
            await _process.StandardInput.WriteLineAsync(code);
            await _process.StandardInput.FlushAsync();
            var line = await _process.StandardOutput.ReadLineAsync().WaitAsync(Patience);
            return line ?? throw new InvalidOperationException("The agent closed its output:\n" + string.Join('\n', _log));
        }

        public async Task WaitForStatusAsync(Func<JsonNode, bool> condition, string what)
        {
            var watch = Stopwatch.StartNew();
            while (true)
            {
                try
                {
                    if (await _endpoint.GetFromJsonAsync<JsonNode>("status") is { } status && condition(status))
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // The endpoint is not listening yet.
                }

                Assert.True(watch.Elapsed < Patience, $"The agent did not reach \"{what}\" within {Patience.TotalSeconds} s. Its log:\n" + string.Join('\n', _log));
                await Task.Delay(50);
            }
        }

        public async ValueTask DisposeAsync()
        {
            _endpoint.Dispose();
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
            Directory.Delete(_data, recursive: true);
        }
    }
}
