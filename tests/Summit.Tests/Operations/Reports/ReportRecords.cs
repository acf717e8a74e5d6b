using System.Globalization;
using System.Net;
using Summit.Server.Infrastructure;
using Summit.Server.Operations.Reports;
using Summit.Tests.Access;

namespace Summit.Tests.Operations.Reports;

/// <summary>
/// Reads the closing report as an organizer checking it would: its CSV, one figure per row, and behind each figure the records its
/// link lists. <see cref="RecomputeEveryFigureAsync"/> recomputes each figure from its records alone (counts, distinct people,
/// medians and sums of minutes taken from the records' own times) and fails on the first that differs.
/// </summary>
internal static class ReportRecords
{
    /// <summary>The report as the API gives it, pinned to the stamp given or to now.</summary>
    public static async Task<ClosingReport> ReportAsync(HttpClient client, DateTimeOffset? asOf = null)
    {
        var path = asOf is { } stamp ? $"{ClosingReportLinks.ReportPath}?asOf={ReportMoment.Format(stamp)}" : ClosingReportLinks.ReportPath;
        return await (await client.GetAsync(path)).OkAsync<ClosingReport>();
    }

    /// <summary>The report's figures as CSV rows (header first), pinned to the stamp given or to now.</summary>
    public static async Task<List<string[]>> FiguresAsync(HttpClient client, DateTimeOffset? asOf = null)
    {
        var path = asOf is { } stamp ? ClosingReportLinks.Csv(stamp) : ClosingReportLinks.ReportPath + ".csv";
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Csv.Parse((await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF'));
    }

    /// <summary>The stamp the CSV says it is pinned to.</summary>
    public static DateTimeOffset StampOf(List<string[]> figures) =>
        DateTimeOffset.Parse(figures.Single(r => r[0] == "report" && r[5] == "as of")[6], CultureInfo.InvariantCulture);

    /// <summary>The records a link lists, each as column → value.</summary>
    public static async Task<List<Dictionary<string, string>>> RecordsAsync(HttpClient client, string link)
    {
        var response = await client.GetAsync(link);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var rows = Csv.Parse((await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF'));
        return [.. rows.Skip(1).Select(r => rows[0].Zip(r).ToDictionary(p => p.First, p => p.Second))];
    }

    /// <summary>
    /// Recomputes every figure of the report's CSV from the records its link lists, as of the report's stamp; returns how many
    /// figures were checked. Every figure must have a link ("no figure without records"), and no record may be later than the stamp.
    /// </summary>
    public static async Task<int> RecomputeEveryFigureAsync(HttpClient client, List<string[]> figures)
    {
        Assert.Equal(["section", "day", "zone", "category", "reason", "measure", "value", "records"], figures[0]);
        var asOf = StampOf(figures);
        Assert.Equal(ClosingReportLinks.Page(asOf), figures.Single(r => r[0] == "report" && r[5] == "as of")[7]);
        var cache = new Dictionary<string, List<Dictionary<string, string>>>();
        var checkedFigures = 0;
        foreach (var figure in figures.Skip(1).Where(r => r[0] != "report"))
        {
            var (section, measure, value, link) = (figure[0], figure[5], figure[6], figure[7]);
            Assert.False(string.IsNullOrEmpty(link), $"The figure {string.Join(",", figure)} has no records.");
            Assert.Contains("asOf=" + ReportMoment.Format(asOf), link, StringComparison.Ordinal);
            if (!cache.TryGetValue(link, out var records))
            {
                records = await RecordsAsync(client, link);
                cache[link] = records;
                AssertNoneAfter(records, asOf, link);
            }

            var recomputed = Recompute(measure, records, asOf);
            Assert.True(value == recomputed, $"{section} {figure[1]} {figure[2]} {figure[3]} {figure[4]} {measure}: the report says {value}, "
                + $"its {records.Count} records give {recomputed} ({link})");
            checkedFigures++;
        }

        return checkedFigures;
    }

    /// <summary>What a figure is, computed from its records: the rule the closing-report guide states for each measure.</summary>
    public static string Recompute(string measure, List<Dictionary<string, string>> records, DateTimeOffset asOf)
    {
        double? result = measure switch
        {
            "persons" => records.Select(r => r["guest"]).Distinct().Count(),
            "went silent" => records.Select(r => r["sensor"]).Distinct().Count(),
            "messages" => records.Sum(r => long.Parse(r["messages"], CultureInfo.InvariantCulture)),
            "median minutes to decision" => Median(records.Select(r => Minutes(r["raised_at"], r["decided_at"]))),
            "median minutes to acknowledge" => Median(records.Select(r => Minutes(r["raised_at"], r["acknowledged_at"]))),
            "median minutes to resolve" => Median(records.Select(r => Minutes(r["raised_at"], r["resolved_at"]))),
            "acknowledged late" => LateIncidents(records, "acknowledged_at", "acknowledge_due_at", asOf),
            "resolved late" => LateIncidents(records, "resolved_at", "resolve_due_at", asOf),
            "minutes reopened" => records.Sum(r => (Until(r["resolved_at"], asOf) - Time(r["period_started_at"])).TotalMinutes),
            _ => records.Count,
        };
        return result?.ToString("0.#", CultureInfo.InvariantCulture) ?? "";
    }

    /// <summary>Incidents with a step that came after its target (or had not come by the stamp with the target past); every row listed must be one.</summary>
    private static int LateIncidents(List<Dictionary<string, string>> records, string doneColumn, string dueColumn, DateTimeOffset asOf)
    {
        Assert.All(records, r => Assert.True(Until(r[doneColumn], asOf) > Time(r[dueColumn]), $"{r["incident"]} period {r["period"]} was not late"));
        return records.Select(r => r["incident"]).Distinct().Count();
    }

    private static void AssertNoneAfter(List<Dictionary<string, string>> records, DateTimeOffset asOf, string link)
    {
        string[] recordedAt = ["received_at", "raised_at", "reported_at", "detected_at", "period_started_at", "minute", "decided_at", "acknowledged_at",
            "resolved_at", "ended_at"];
        foreach (var record in records)
        {
            foreach (var column in recordedAt.Where(c => record.TryGetValue(c, out var v) && v.Length > 0))
            {
                Assert.True(Time(record[column]) < asOf, $"{link}: {column} {record[column]} is not before the stamp {asOf:O}");
            }
        }
    }

    private static double? Median(IEnumerable<double> values) => ReportStatistics.Median(values);

    private static double Minutes(string from, string to) => (Time(to) - Time(from)).TotalMinutes;

    private static DateTimeOffset Until(string time, DateTimeOffset asOf) => time.Length == 0 ? asOf : Time(time);

    private static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}
