using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Summit.Server.Demo;
using Summit.Server.Guests.Domain;
using Summit.Server.Guests.Import;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;

namespace Summit.Benchmarks;

/// <summary>Import of a 10,000-row CSV file: the dry run that lists every problem, and the commit. Goal: under 10 s each.</summary>
[Config(typeof(SlowConfig))]
public class GuestImportBenchmarks
{
    public const int Rows = 10_000;

    private BenchHost _host = null!;
    private byte[] _csv = [];

    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = BenchHost.Sqlite;

    public static IEnumerable<string> Providers() => BenchHost.Providers();

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _host = await BenchHost.CreateAsync(Provider, "guest_import");
        // The demo event with its categories and delegations, and no guests yet.
        await DemoSeeder.RunAsync(_host.Services, DemoSeeder.DefaultSeed, guestCount: 0, reset: false);
        _csv = GenerateCsv(Rows, new Random(7));

        var preview = await ImportAsync(commit: false);
        if (!preview.CanCommit || preview.ValidRows != Rows)
        {
            throw new InvalidOperationException($"The generated file has problems: {string.Join("; ", preview.Problems.Take(5).Select(p => $"row {p.Row} {p.Field}: {p.Message}"))}");
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _host.DisposeAsync();

    [IterationSetup(Target = nameof(Commit))]
    public void RemoveImportedGuests()
    {
        using var scope = _host.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<SummitDbContext>().Guests.ExecuteDelete();
    }

    [Benchmark]
    public Task<ImportPreview> DryRun() => ImportAsync(commit: false);

    [Benchmark]
    public Task<ImportPreview> Commit() => ImportAsync(commit: true);

    private async Task<ImportPreview> ImportAsync(bool commit)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Use(new Actor(null, "benchmark", null));
        using var file = new MemoryStream(_csv, writable: false);
        return await scope.ServiceProvider.GetRequiredService<GuestImportService>().ImportAsync(file, "guests.csv", commit);
    }

    /// <summary>A file as a secretariat would send it: every column filled, names in their own script, no two guests alike.</summary>
    public static byte[] GenerateCsv(int rows, Random random)
    {
        string[] categories = ["VIP", "Speaker", "Delegate", "Delegate", "Delegate", "Media", "Exhibitor", "Staff", "Volunteer", "Contractor"];
        var organisationTypes = Enum.GetNames<OrganisationType>();
        var csv = new StringBuilder();
        var universityPositions = DemoData.PositionsByOrganisation[Summit.Server.Guests.Domain.OrganisationType.University];
        csv.AppendLine(string.Join(',', GuestFileFormat.Columns));
        for (var i = 0; i < rows; i++)
        {
            var (country, pool, _) = DemoData.Countries[random.Next(DemoData.Countries.Length)];
            var family = pool.Family[random.Next(pool.Family.Length)];
            var given = pool.Given[random.Next(pool.Given.Length)];
            var organisation = DemoData.Universities[random.Next(DemoData.Universities.Length)];
            string[] values =
            [
                family.Native, given.Native, family.Latin, given.Latin, random.Next(4) == 0 ? "Dr." : "", random.Next(2) == 0 ? "Female" : "Male",
                organisation, organisationTypes[random.Next(organisationTypes.Length)], universityPositions[random.Next(universityPositions.Length)],
                country, "", $"guest{i:00000}@org{i % 97}.example",
                $"+86 571 {random.Next(1000, 9999)} {i:0000}", pool.Language, random.Next(5) == 0 ? "Online" : "InPerson",
                categories[random.Next(categories.Length)], $"E{i:00000000}",
            ];
            csv.AppendLine(string.Join(',', values.Select(Quote)));
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
