using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Summit.Access.Core;
using Summit.Access.Core.Sync;
using Summit.GateAgent;
using Summit.Server.Access.Contracts;
using Summit.Server.Access.Domain;
using Summit.Server.Access.Monitoring;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Access;

/// <summary>
/// The real gate agent against the real server: two entrance agents of one zone keep deciding while the server is down,
/// the server comes back as a new process on the same database, and every scan arrives exactly once, late ones marked,
/// with the double entry the two offline gates let through flagged as a conflict.
/// </summary>
public sealed class GateAgentEndToEndTests(AccessFactory app) : IClassFixture<AccessFactory>, IAsyncLifetime
{
    private readonly List<string> _folders = [];
    private readonly List<GateAgent.GateAgent> _agents = [];
    private PeerServer? _restarted;

    [Fact]
    public async Task Scans_made_while_the_server_is_down_are_uploaded_exactly_once_and_the_double_entry_is_flagged()
    {
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var northGate = await AccessIntents.CreateGateAsync(secretariat, "N1", app.Venue.Main.Id, GateDirections.Entry);
        var guests = new List<Guid>();
        var codes = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            guests.Add(await app.ApprovedGuestAsync());
            codes.Add(await app.IssueCodeAsync(guests[^1]));
        }

        var link = new ServerLink(app);
        var southAgent = await StartAgentAsync(app.Venue.MainInToken, link);
        var northAgent = await StartAgentAsync(await app.EnrolDeviceAsync(northGate.Id), link);

        // Online: the south gate admits the first guest and the server hears of it.
        Assert.True(southAgent.Scan(codes[0]).Admitted);
        Assert.True((await southAgent.UploadNowAsync()).Complete);
        Assert.True(await northAgent.SyncNowAsync());

        // The server goes down. Both gates keep deciding from what they know.
        link.Down = true;
        var south = new List<GateVerdict>();
        var north = new List<GateVerdict>();
        south.Add(southAgent.Scan(codes[0]));
        north.Add(northAgent.Scan(codes[0]));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        foreach (var code in codes.Skip(1))
        {
            south.Add(southAgent.Scan(code));
        }

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        north.Add(northAgent.Scan(codes[1]));
        south.Add(southAgent.Scan("not a code"));
        Assert.Equal(ReasonCode.AlreadyInside, south[0].Reason);
        Assert.Equal(ReasonCode.AlreadyInside, north[0].Reason);
        Assert.All(south.Skip(1).Take(4), v => Assert.True(v.Admitted));
        Assert.True(north[1].Admitted, "The north gate cannot know that the south gate let this guest in.");
        Assert.Equal(ReasonCode.BadFormat, south[^1].Reason);
        Assert.False((await southAgent.UploadNowAsync()).Complete);
        Assert.False(await northAgent.SyncNowAsync());
        Assert.Equal(south.Count, southAgent.Status().PendingUploads);

        // The server comes back as a new process; the first answer to the south gate is lost on the way.
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        _restarted = new PeerServer(app);
        link.Restart(_restarted);
        link.LoseNextAnswers = 1;
        Assert.False((await southAgent.UploadNowAsync()).Complete);
        var southUpload = await southAgent.UploadNowAsync();
        var northUpload = await northAgent.UploadNowAsync();

        Assert.True(southUpload.Complete);
        Assert.Equal(south.Count, southUpload.Duplicates + southUpload.Recorded);
        Assert.Equal(south.Count, southUpload.Duplicates);
        Assert.Equal(0, southAgent.Status().PendingUploads);
        Assert.True(northUpload.Complete);
        var conflict = Assert.Single(northUpload.Conflicts);
        Assert.Equal(app.Venue.Main.Number, conflict.Zone);

        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SummitDbContext>();
            foreach (var verdict in south.Concat(north))
            {
                var stored = await db.Scans.AsNoTracking().SingleAsync(s => s.Nonce == verdict.Nonce);
                Assert.Equal(verdict.Reason, stored.Reason);
                Assert.Equal(verdict.ScannedAt, stored.ScannedAt);
                Assert.Equal(ScanSource.Agent, stored.Source);
                Assert.True(stored.Late, "Uploaded minutes after it was made.");
            }

            var credentialId = south[1].CredentialId!.Value;
            var entries = await db.Scans.AsNoTracking().Where(s => s.CredentialId == credentialId && s.Admitted).ToListAsync();
            Assert.Equal(2, entries.Count);
            Assert.All(entries, e => Assert.True(e.Conflict));
        });

        using var operations = await app.ClientForAsync(Roles.OperationsCentre);
        var listed = (await (await operations.GetAsync("/api/v1/access/conflicts")).OkAsync<List<ConflictView>>()).Single(c => c.Id == conflict.ConflictId);
        Assert.Equal(guests[1], listed.GuestId);
        Assert.Equal(["A1", "N1"], new[] { listed.First.GateCode, listed.Second.GateCode });

        // The north gate learns of the south gate's offline entries at its next sync.
        Assert.True(await northAgent.SyncNowAsync());
        Assert.Equal(ReasonCode.AlreadyInside, northAgent.Scan(codes[3]).Reason);
    }

    [Fact]
    public async Task A_revocation_reaches_an_agent_at_its_next_sync()
    {
        var guest = await app.ApprovedGuestAsync();
        var code = await app.IssueCodeAsync(guest);
        var agent = await StartAgentAsync(app.Venue.ForumInToken, new ServerLink(app));
        Assert.True(agent.Scan(code).Admitted);
        Assert.True(agent.Scan(code, GateDirection.Exit).Admitted);

        using var officer = await app.ClientForAsync(Roles.AccreditationOfficer);
        await (await officer.PostAsJsonAsync($"/api/v1/access/guests/{guest}/credential/revoke", new { reason = "Reported stolen" }, Intents.Json))
            .OkAsync<Summit.Server.Access.Credentials.CredentialView>();
        app.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.True(agent.Scan(code).Admitted, "Until it syncs, the agent knows nothing of the revocation.");
        Assert.True(await agent.SyncNowAsync());
        Assert.Equal(ReasonCode.Revoked, agent.Scan(code, GateDirection.Exit).Reason);
    }

    [Fact]
    public async Task A_retired_key_reaches_an_agent_at_its_next_sync()
    {
        var oldCode = await app.IssueCodeAsync(await app.ApprovedGuestAsync());
        var agent = await StartAgentAsync(app.Venue.ForumInToken, new ServerLink(app));
        using var admin = await app.ClientForAsync(Roles.Admin);
        var oldKey = (await (await admin.GetAsync("/api/v1/access/keys")).OkAsync<List<Summit.Server.Access.Keys.SigningKeyView>>())
            .Single(k => k.Status == SigningKeyStatus.Active);
        await (await admin.PostAsync("/api/v1/access/keys/rotate", null)).OkAsync<Summit.Server.Access.Keys.SigningKeyView>();
        var newCode = await app.IssueCodeAsync(await app.ApprovedGuestAsync());

        // Rotation: the agent learns the new key at its next sync and still accepts the old one.
        Assert.Equal(ReasonCode.UnknownKey, agent.Scan(newCode).Reason);
        Assert.True(await agent.SyncNowAsync());
        Assert.True(agent.Scan(newCode).Admitted);
        Assert.True(agent.Scan(oldCode).Admitted);

        // Retirement: everything the old key signed is refused from the next sync on.
        await (await admin.PostAsync($"/api/v1/access/keys/{oldKey.KeyId}/retire", null)).OkAsync<Summit.Server.Access.Keys.SigningKeyView>();
        Assert.True(await agent.SyncNowAsync());
        Assert.Equal(ReasonCode.RetiredKey, agent.Scan(oldCode, GateDirection.Exit).Reason);
        Assert.True(agent.Scan(newCode, GateDirection.Exit).Admitted);
    }

    private async Task<GateAgent.GateAgent> StartAgentAsync(string token, ServerLink link)
    {
        var folder = Directory.CreateTempSubdirectory("summit-agent-e2e-").FullName;
        _folders.Add(folder);
        var agent = new GateAgent.GateAgent(new AgentOptions
        {
            ServerUrl = new Uri("http://localhost/"),
            DeviceToken = token,
            DataDirectory = folder,
            Listen = null,
            ExchangeInBackground = false,
        }, app.Clock, NullLoggerFactory.Instance, link);
        _agents.Add(agent);
        await agent.StartAsync();
        Assert.True(await agent.SyncNowAsync());
        return agent;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var agent in _agents)
        {
            await agent.DisposeAsync();
        }

        if (_restarted is not null)
        {
            await _restarted.DisposeAsync();
        }

        foreach (var folder in _folders)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The network between the gates and the server: it can go down, lose answers, and lead to a restarted server.</summary>
    private sealed class ServerLink(WebApplicationFactory<Program> first) : DelegatingHandler(first.Server.CreateHandler())
    {
        private HttpMessageInvoker? _restarted;

        public bool Down { get; set; }

        public int LoseNextAnswers { get; set; }

        public void Restart(WebApplicationFactory<Program> server)
        {
            _restarted = new HttpMessageInvoker(server.Server.CreateHandler());
            Down = false;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Down)
            {
                throw new HttpRequestException("Connection refused (the server is down).");
            }

            var response = _restarted is { } restarted
                ? await restarted.SendAsync(request, cancellationToken)
                : await base.SendAsync(request, cancellationToken);
            if (LoseNextAnswers > 0)
            {
                LoseNextAnswers--;
                response.Dispose();
                throw new HttpRequestException("Connection reset before the answer arrived.");
            }

            return response;
        }
    }
}
