using System.Diagnostics;
using System.Globalization;
using MiniExcelLibs;
using SkiaSharp;
using Summit.Server;
using Summit.Server.Guests.Import;
using Summit.Server.Infrastructure.Images;
using Summit.Tests.Guests;
using Summit.Tests.Infrastructure;

namespace Summit.Benchmarks;

/// <summary>
/// What an upload costs the server, refused or accepted: <c>uploads --case NAME</c> builds the file, then times the server's
/// own code on it (wall and CPU time) and measures the peak resident memory it added (the process's high-water mark is reset
/// just before, through /proc/self/clear_refs). One case per process, so that cases do not share a heap: bench/uploads.sh runs
/// them all. The probe's files are among the cases (a 40-megapixel PNG, a cell of 1.5 billion characters).
/// </summary>
public static class HostileUploads
{
    public static readonly IReadOnlyList<string> Cases =
    [
        "photo-jpeg-24mp", "photo-png-24mp", "photo-png-40mp", "photo-png-40mp-decoded", "xlsx-200000-rows", "xlsx-200000-rows-reader-only",
        "xlsx-cell-1.5-billion", "xlsx-zip-bomb-300mb", "csv-200000-rows",
    ];

    public static int Run(string[] args)
    {
        var index = Array.IndexOf(args, "--case");
        var name = index >= 0 && index + 1 < args.Length ? args[index + 1] : "";
        if (!Cases.Contains(name))
        {
            Console.Error.WriteLine($"uploads --case NAME, one of: {string.Join(", ", Cases)}");
            return 2;
        }

        var (file, work) = Prepare(name);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var baseline = ResetPeakMemory();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var outcome = work(file);
        clock.Stop();
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var peak = PeakMemory() - baseline;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {file.Length / 1024.0:N0} KB | {outcome} | {clock.Elapsed.TotalMilliseconds:N0} ms | {cpuUsed.TotalMilliseconds:N0} ms | {peak / (1024.0 * 1024):N0} MB |"));
        return 0;
    }

    private static (byte[] File, Func<byte[], string> Work) Prepare(string name) => name switch
    {
        "photo-jpeg-24mp" => (Jpeg(6000, 4000), Photo),
        "photo-png-24mp" => (PngFiles.Flat(6000, 4000), Photo),
        "photo-png-40mp" => (PngFiles.Flat(8000, 5000), Photo),
        // The reference: what the probe's photo costs when it is decoded and resized, as it was before the header refused it.
        "photo-png-40mp-decoded" => (PngFiles.Flat(8000, 5000), DecodeFully),
        "xlsx-200000-rows" => (LargestSpreadsheet(), bytes => Import(bytes, "guests.xlsx")),
        // The reference: the spreadsheet reader alone, as the import read a file before the guard read it first.
        "xlsx-200000-rows-reader-only" => (LargestSpreadsheet(), ReadWithoutGuard),
        "xlsx-cell-1.5-billion" => (HostileSpreadsheets.Xlsx(w =>
        {
            HostileSpreadsheets.HeaderRow(w);
            w.Write("""<row r="2"><c r="A2" t="s"><v>0</v></c></row>""");
        }, sharedStrings: w =>
        {
            w.Write("<si><t>");
            HostileSpreadsheets.Repeat(w, 'A', 1_500_000_000L);
            w.Write("</t></si>");
        }), bytes => Import(bytes, "guests.xlsx")),
        "xlsx-zip-bomb-300mb" => (HostileSpreadsheets.Xlsx(w =>
        {
            HostileSpreadsheets.HeaderRow(w);
            HostileSpreadsheets.Repeat(w, ' ', 300L * 1024 * 1024);
        }), bytes => Import(bytes, "guests.xlsx")),
        _ => (LargestCsv(), bytes => Import(bytes, "guests.csv")),
    };

    private static string Photo(byte[] upload)
    {
        try
        {
            var photo = PhotoProcessor.Process(upload);
            return $"stored {photo.Width} x {photo.Height}";
        }
        catch (SummitException refused)
        {
            return "refused: " + refused.Error.Code;
        }
    }

    private static string DecodeFully(byte[] upload)
    {
        using var decoded = SKBitmap.Decode(upload);
        using var resized = decoded.Resize(new SKImageInfo(1200, 750), new SKSamplingOptions(SKCubicResampler.Mitchell));
        return $"decoded {decoded.Width} x {decoded.Height}";
    }

    private static string ReadWithoutGuard(byte[] file)
    {
        using var stream = new MemoryStream(file);
        return $"read {stream.Query(useHeaderRow: false).Count() - 1:N0} rows";
    }

    private static string Import(byte[] file, string fileName)
    {
        try
        {
            using var stream = new MemoryStream(file);
            return $"read {GuestFileFormat.Read(stream, fileName).Count:N0} rows";
        }
        catch (SummitException refused)
        {
            return "refused: " + refused.Error.Code;
        }
    }

    private static byte[] Jpeg(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(30, 90, 160));
            using var paint = new SKPaint { Color = SKColors.Orange };
            canvas.DrawCircle(width / 2f, height / 2f, height / 3f, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }

    /// <summary>200,000 rows written by MiniExcel as the guest export writes them: the largest spreadsheet an import takes.</summary>
    private static byte[] LargestSpreadsheet()
    {
        using var stream = new MemoryStream();
        stream.SaveAs(Enumerable.Range(0, GuestFileFormat.MaxRows).Select(Row));
        return stream.ToArray();
    }

    private static byte[] LargestCsv()
    {
        var output = new System.Text.StringBuilder();
        Summit.Server.Infrastructure.Csv.WriteRow(output, GuestFileFormat.Columns);
        for (var i = 0; i < GuestFileFormat.MaxRows; i++)
        {
            Summit.Server.Infrastructure.Csv.WriteRow(output, Row(i).Values.Select(v => v.ToString()));
        }

        return System.Text.Encoding.UTF8.GetBytes(output.ToString());
    }

    private static Dictionary<string, object> Row(int i) => new()
    {
        ["family_name"] = "Ivanova",
        ["given_name"] = "Anna",
        ["family_name_latin"] = "",
        ["given_name_latin"] = "",
        ["title"] = "Prof.",
        ["gender"] = "Female",
        ["organisation"] = "Moscow State University",
        ["organisation_type"] = "University",
        ["position"] = "Dean",
        ["country"] = "RU",
        ["delegation"] = "",
        ["email"] = string.Create(CultureInfo.InvariantCulture, $"guest{i}@example.org"),
        ["phone"] = "+7 495 123 45 67",
        ["language"] = "en",
        ["participation"] = "InPerson",
        ["category"] = "Delegate",
        ["passport"] = string.Create(CultureInfo.InvariantCulture, $"P{i:D9}"),
    };

    /// <summary>Resets the process's peak resident memory to what it holds now, and returns that (bytes).</summary>
    private static long ResetPeakMemory()
    {
        File.WriteAllText("/proc/self/clear_refs", "5");
        return PeakMemory();
    }

    private static long PeakMemory() =>
        long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)).Split(':')[1].Trim().Split(' ')[0],
            CultureInfo.InvariantCulture) * 1024;
}
