using System.Diagnostics;
using System.Globalization;
using NSec.Cryptography;
using SkiaSharp;
using Summit.Access.Core;
using Summit.Server.Access.Badges;
using Summit.Server.Guests.Contracts;

namespace Summit.Benchmarks;

/// <summary>
/// A batch print as the accreditation office runs it: <c>badges [--count N]</c> writes N A6 badges (every one with a
/// photo, a real signed code and a name in one of six scripts, shaped) page by page into one PDF on disk, as the batch
/// endpoint does, and prints the wall-clock time, the rate, the CPU time (the figure that holds on a busy machine), the file size and the
/// peak memory.
/// </summary>
public static class BadgeBatch
{
    private static readonly (string Name, string Latin, string Country)[] Names =
    [
        ("فاطمة الزهراء المنصوري", "Fatima AL-MANSOURI", "AE"),
        ("נועה כהן", "Noa COHEN", "IL"),
        ("प्रिया शर्मा", "Priya SHARMA", "IN"),
        ("สมศักดิ์ ใจดี", "Somsak JAIDEE", "TH"),
        ("王小明", "Xiaoming WANG", "CN"),
        ("Alexandra Konstantinopoulou", "Alexandra KONSTANTINOPOULOU", "GR"),
    ];

    public static int Run(string[] args)
    {
        var count = CommandLine.Int(args, "--count", 2_000);
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var photo = Photo();
        var cards = Enumerable.Range(0, count).Select(i => Card(i, key, photo)).ToList();
        var file = Path.Combine(Path.GetTempPath(), $"summit-badges-{Environment.ProcessId}.pdf");
        try
        {
            // The first badge loads the fonts and compiles the code: timed apart, as the first print after a start.
            var first = Stopwatch.StartNew();
            using (var warm = File.Create(file))
            {
                BadgeRenderer.WritePdf(cards.Take(1), warm);
            }
            first.Stop();

            using var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var batch = Stopwatch.StartNew();
            using (var output = File.Create(file))
            {
                using var pdf = new BadgePdfWriter(output);
                foreach (var card in cards)
                {
                    pdf.Add(card);
                }
                pdf.Close();
            }
            batch.Stop();

            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuBefore;
            var size = new FileInfo(file).Length;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {count:N0} badges | {batch.Elapsed.TotalSeconds:0.0} s | {count / batch.Elapsed.TotalSeconds:0.0} badges/s | {batch.Elapsed.TotalMilliseconds / count:0.0} ms each | CPU {cpu.TotalSeconds:0.0} s ({cpu.TotalMilliseconds / count:0.0} ms each) | first badge {first.Elapsed.TotalMilliseconds:0} ms | PDF {size / 1048576.0:0.0} MiB | peak working set {process.PeakWorkingSet64 / 1048576.0:0} MiB |"));
            return 0;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static BadgeCard Card(int index, Key key, byte[] photo)
    {
        var (name, latin, country) = Names[index % Names.Length];
        var code = CredentialCodec.Encode(
            new CredentialPayload(1, Guid.NewGuid(), Guid.NewGuid(), 2026, 1, ZoneSet.Empty,
                new DateTimeOffset(2026, 11, 8, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 11, 0, 0, 0, TimeSpan.Zero)),
            key);
        return new BadgeCard
        {
            EventNameEn = "World Internet Conference Wuzhen Summit 2026",
            EventNameZh = "2026年世界互联网大会乌镇峰会",
            Name = name,
            LatinName = latin,
            Title = "Director of Digital Policy",
            Organisation = "Ministry of Communications and Information Technology",
            Country = Countries.Find(country)!,
            Category = new BadgeCategory("VIP", "VIP Guest", "贵宾", "#C8102E"),
            Zones = ["MAIN", "EXPO", "FORUM-A", "VIP"],
            PhotoJpeg = photo,
            CredentialCode = code,
        };
    }

    /// <summary>A 1200 × 1600 JPEG, the size the portal stores.</summary>
    private static byte[] Photo()
    {
        using var bitmap = new SKBitmap(1200, 1600);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var paint = new SKPaint
            {
                Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, 1600),
                    [SKColor.Parse("#DCE6F2"), SKColor.Parse("#AFC2D9")], SKShaderTileMode.Clamp),
            };
            canvas.DrawRect(0, 0, 1200, 1600, paint);
            using var face = new SKPaint { Color = SKColor.Parse("#E0B48C"), IsAntialias = true };
            canvas.DrawCircle(600, 600, 260, face);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        return jpeg.ToArray();
    }
}
