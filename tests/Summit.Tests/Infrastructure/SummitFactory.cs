using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Summit.Server.Events;
using Summit.Server.Guests.Domain;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Mail;

namespace Summit.Tests.Infrastructure;

/// <summary>
/// A whole Summit server in memory, on its own database: a fresh SQLite file, or a fresh PostgreSQL
/// database when SUMMIT_TEST_POSTGRES holds a connection string (without a database name).
/// It holds one event, the eight categories, a delegation and one staff account per role.
/// </summary>
public class SummitFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Test-Password-2021";
    public static readonly DateTimeOffset Start = new(2021, 9, 20, 8, 0, 0, TimeSpan.Zero);

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "summit-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, (string Token, DateTimeOffset IssuedAt)> _tokens = [];
    private string? _postgresDatabase;

    public FakeTimeProvider Clock { get; } = new(Start);
    public Guid EventId { get; private set; }
    public Dictionary<string, AccreditationCategory> Categories { get; } = [];
    public Delegation Delegation { get; private set; } = null!;
    public string DataDirectory => _dataDirectory;

    /// <summary>The database this server uses (a second server process may be pointed at it).</summary>
    public string DatabaseSetting { get; private set; } = "";

    public static string? PostgresConnection => Environment.GetEnvironmentVariable("SUMMIT_TEST_POSTGRES") is { Length: > 0 } cs ? cs : null;

    public bool IsPostgres => PostgresConnection is not null;

    /// <summary>Settings a test class may add or override (for example two-factor enforcement).</summary>
    protected virtual IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_dataDirectory);
        var database = Path.Combine(_dataDirectory, "summit.db");
        if (PostgresConnection is { } postgres)
        {
            _postgresDatabase = "summit_test_" + Guid.NewGuid().ToString("N")[..16];
            database = new NpgsqlConnectionStringBuilder(postgres) { Database = _postgresDatabase }.ConnectionString;
        }

        DatabaseSetting = database.EndsWith(".db", StringComparison.Ordinal) ? "Data Source=" + database : database;
        builder.UseEnvironment("Testing");
        builder.UseSetting("Summit:DataDirectory", _dataDirectory);
        builder.UseSetting("Summit:Database", DatabaseSetting);
        builder.UseSetting("Summit:Mail:DispatchInBackground", "false");
        builder.UseSetting("Summit:Mail:PublicBaseUrl", "http://summit.test");
        builder.UseSetting("Summit:Security:RequireAdminTwoFactor", "false");
        // Every test request comes from one (absent) address and signs in many times: the limits are tested with SecurityFactory.
        builder.UseSetting("Summit:Security:SignInRequestsPerMinute", "100000");
        builder.UseSetting("Summit:Security:PortalRequestsPerMinute", "100000");
        builder.UseSetting("Summit:Security:PortalRequestsPerInvitationPerMinute", "100000");
        // No in-process MQTT broker on the shared port 1883: screening tests that need one choose a free port.
        builder.UseSetting("Summit:Mqtt:Port", "0");
        // Face enrolments and the template purge run when a test asks (Faces tests): no test loads the face engine by chance.
        builder.UseSetting("Summit:Faces:EnrolInBackground", "false");
        builder.UseSetting("Summit:Faces:PurgeInBackground", "false");
        // The demo's faces too (Demo tests switch them on with the face tests' photos and engine).
        builder.UseSetting("Summit:Demo:Faces:Enabled", "false");
        foreach (var (key, value) in ExtraSettings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public virtual async Task InitializeAsync()
    {
        await DatabaseSetup.MigrateAsync(Services);
        await using var scope = Services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        provider.GetRequiredService<CurrentActor>().Use(new Actor(null, "test-setup", null));
        var summitEvent = await provider.GetRequiredService<EventService>().SaveAsync(new EventInput(
            "Test Summit", "测试峰会", new DateOnly(2021, 9, 26), new DateOnly(2021, 9, 28), "Asia/Shanghai", ["Main Hall"]));
        EventId = summitEvent.Id;
        var db = provider.GetRequiredService<SummitDbContext>();
        var order = 0;
        foreach (var code in new[] { "VIP", "Speaker", "Delegate", "Media", "Exhibitor", "Staff", "Volunteer", "Contractor" })
        {
            var category = new AccreditationCategory { EventId = EventId, Code = code, NameEn = code, NameZh = code + "（中）", SortOrder = order++ };
            db.Categories.Add(category);
            Categories[code] = category;
        }

        Delegation = new Delegation { EventId = EventId, Name = "Delegation of Kazakhstan", CountryCode = "KZ" };
        db.Delegations.Add(Delegation);
        await db.SaveChangesAsync();

        var accounts = provider.GetRequiredService<StaffAccounts>();
        foreach (var role in Roles.All)
        {
            await accounts.CreateAsync(EmailOf(role), role, Password, [role]);
        }
    }

    public static string EmailOf(string role) => $"{role.ToLowerInvariant()}@test.summit";

    /// <summary>An API client signed in (bearer token) as the test account of the given role.</summary>
    public async Task<HttpClient> ClientForAsync(string role)
    {
        // Tokens live 8 hours of the fake clock; a test that moves the clock on gets a fresh one.
        if (!_tokens.TryGetValue(role, out var cached) || Clock.GetUtcNow() - cached.IssuedAt > TimeSpan.FromHours(1))
        {
            using var anonymous = CreateClient();
            var response = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = EmailOf(role), password = Password });
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<TokenResponse>();
            cached = (body!.AccessToken, Clock.GetUtcNow());
            _tokens[role] = cached;
        }

        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", cached.Token);
        return client;
    }

    /// <summary>Runs code in a DI scope of the server, as the system actor.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Use(new Actor(null, "test", null));
        return await action(scope.ServiceProvider);
    }

    public Task InScopeAsync(Func<IServiceProvider, Task> action) => InScopeAsync<bool>(async sp =>
    {
        await action(sp);
        return true;
    });

    /// <summary>Sends the queued mail now, through whatever transport the server is configured with.</summary>
    public Task<int> DispatchMailAsync() => Services.GetRequiredService<MailDispatcher>().DispatchPendingAsync(CancellationToken.None);

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_postgresDatabase is not null && PostgresConnection is { } postgres)
        {
            NpgsqlConnection.ClearAllPools();
            await DropDatabaseAsync(postgres, _postgresDatabase);
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing request: the temp folder is cleaned later by the OS.
        }
    }

    internal static async Task DropDatabaseAsync(string postgres, string database)
    {
        // The connection string names no database, which Npgsql reads as one named after the user: use the maintenance one.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 10)
            {
                // An autovacuum worker in the database, which a role without pg_signal_backend may not end: it finishes soon.
                await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt));
            }
        }
    }

    private sealed record TokenResponse(string AccessToken);
}
