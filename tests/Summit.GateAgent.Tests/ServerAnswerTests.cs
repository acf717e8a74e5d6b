using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Summit.GateAgent.Tests;

public sealed class ServerAnswerTests
{
    [Theory]
    [InlineData(HttpStatusCode.OK, "<html>maintenance</html>", "not the device contract's JSON")]
    [InlineData(HttpStatusCode.OK, "{}", "not the device contract's JSON")]
    [InlineData(HttpStatusCode.OK, "", "not the device contract's JSON")]
    [InlineData(HttpStatusCode.InternalServerError, "{\"title\":\"Database\r\nunavailable\"}", "500 Internal Server Error {\"title\":\"Database unavailable\"}")]
    [InlineData(HttpStatusCode.Forbidden, "", "403 Forbidden")]
    public async Task An_answer_outside_the_contract_is_an_outage_and_nothing_is_acknowledged(HttpStatusCode status, string body, string reported)
    {
        var folder = Directory.CreateTempSubdirectory("summit-gate-answers-").FullName;
        try
        {
            using var server = new CannedServer(status, body);
            var options = new AgentOptions
            {
                ServerUrl = new Uri("http://summit.test/"),
                DeviceToken = "dev_CannedServer1",
                DataDirectory = folder,
                Listen = null,
                ExchangeInBackground = false,
            };
            await using var agent = new GateAgent(options, new FakeTimeProvider(GateWorld.Local(9, 9)), NullLoggerFactory.Instance, server);
            await agent.StartAsync();
            agent.Scan(GateWorld.Issue().Code);

            Assert.False(await agent.SyncNowAsync());
            Assert.False((await agent.UploadNowAsync()).Complete);

            var state = agent.Status();
            Assert.Contains(reported, state.LastServerError, StringComparison.Ordinal);
            Assert.Equal(ClosureCause.NoPolicy, state.Closure);
            Assert.Equal(1, state.PendingUploads);
            Assert.Equal(["GET http://summit.test/api/v1/device/me", "POST http://summit.test/api/v1/device/scans/upload"], server.Requests);
            Assert.Equal(["Device dev_CannedServer1"], server.Authorizations.Distinct());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Answers every request with the same status and body, through the agent's injectable HTTP handler.</summary>
    private sealed class CannedServer(HttpStatusCode status, string body) : HttpMessageHandler
    {
        private readonly ConcurrentQueue<string> _requests = new();
        private readonly ConcurrentQueue<string> _authorizations = new();

        public IEnumerable<string> Requests => _requests;

        public IEnumerable<string> Authorizations => _authorizations;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _requests.Enqueue($"{request.Method} {request.RequestUri}");
            _authorizations.Enqueue(request.Headers.Authorization?.ToString() ?? "");
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
