using System.Diagnostics;
using System.Globalization;
using SkiaSharp;
using Summit.Faces.Core;
using Summit.Faces.Core.Tests;

namespace Summit.Benchmarks;

/// <summary>
/// The face engine on the npm package's six sample photos (bench/faces.sh runs it beside the reference, pinned to one core):
/// <c>faces-speed [--repeat N]</c> times decode and detect + landmarks + descriptor per photo and per face, a 640 × 480
/// camera frame, and the memory of the loaded models; <c>faces-accuracy [--min-score P]</c> measures genuine and impostor distances on
/// the 20 faces and same-person variants of them made by code, and the false accepts and rejects per threshold.
/// </summary>
public static class FaceBench
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static int Speed(string[] args)
    {
        var repeat = Math.Max(1, CommandLine.Int(args, "--repeat", 5));
        var photos = FaceApiPackage.SamplePhotos.Select(path => (Name: Path.GetFileName(path), Bytes: File.ReadAllBytes(path))).ToList();

        using var process = Process.GetCurrentProcess();
        var before = Memory(process);
        var load = Stopwatch.StartNew();
        using var engine = FaceEngine.Load(new FaceEngineOptions { IntraOpThreads = 1 });
        load.Stop();
        var loaded = Memory(process);

        Console.WriteLine($"engine load: {load.ElapsedMilliseconds} ms (one intra-op thread, median of {repeat} runs after one warm-up run below)");
        Console.WriteLine();
        Console.WriteLine("| photo | size | faces | decode (ms) | detect + landmarks + descriptors (ms) | per face (ms) |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: |");
        double totalAnalyse = 0;
        var totalFaces = 0;
        foreach (var (name, bytes) in photos)
        {
            var image = FaceImage.Decode(bytes);
            var faces = engine.Analyze(image).Count;
            var decode = Median(repeat, () => FaceImage.Decode(bytes));
            var analyse = Median(repeat, () => engine.Analyze(image));
            totalAnalyse += analyse;
            totalFaces += faces;
            Console.WriteLine(string.Create(Invariant, $"| {name} | {image.Width} × {image.Height} | {faces} | {decode:F1} | {analyse:F1} | {analyse / faces:F1} |"));
        }

        Console.WriteLine(string.Create(Invariant, $"| all six | | {totalFaces} | | {totalAnalyse:F1} | {totalAnalyse / totalFaces:F1} |"));
        Console.WriteLine();

        // A gate camera's frame: each photo cut to 4:3 around its first face and scaled to 640 × 480.
        Console.WriteLine("| 640 × 480 frame from | faces | detect (ms) | detect + landmarks + descriptors (ms) |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        var frames = new List<double>();
        foreach (var (name, bytes) in photos)
        {
            var frame = Frame(FaceImage.Decode(bytes), engine);
            var faces = engine.Analyze(frame).Count;
            var detect = Median(repeat, () => engine.Detect(frame));
            var analyse = Median(repeat, () => engine.Analyze(frame));
            frames.Add(analyse);
            Console.WriteLine(string.Create(Invariant, $"| {name} | {faces} | {detect:F1} | {analyse:F1} |"));
        }

        Console.WriteLine();
        var warm = Memory(process);
        Console.WriteLine("| memory | managed heap (MB) | working set (MB) | private bytes (MB) |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        Console.WriteLine(Row("before loading the engine", before));
        Console.WriteLine(Row("engine loaded", loaded));
        Console.WriteLine(Row("after the runs above", warm));
        Console.WriteLine(string.Create(Invariant, $"loading the models added {(loaded.WorkingSet - before.WorkingSet) / 1e6:F0} MB of working set; the runs took it to {(warm.WorkingSet - before.WorkingSet) / 1e6:F0} MB above the start"));
        return 0;
    }

    public static int Accuracy(string[] args)
    {
        // --min-score P: the detector's score threshold in percent (face-api's default 50).
        using var engine = FaceEngine.Load(new FaceEngineOptions { MinDetectionScore = CommandLine.Int(args, "--min-score", 50) / 100.0 });
        Console.WriteLine(string.Create(Invariant, $"detector score threshold {engine.Options.MinDetectionScore:F2}"));
        var photos = FaceApiPackage.SamplePhotos.Select(path =>
        {
            var image = FaceImage.Decode(File.ReadAllBytes(path));
            return (Path.GetFileName(path), image, engine.Analyze(image));
        }).ToList();
        var result = FaceAccuracy.Measure(engine, photos, FaceVariants.Accuracy);

        Console.WriteLine($"{result.Originals.Count} faces, {result.Genuine.Count} variants ({FaceVariants.Accuracy.Count} per face), {result.OriginalImpostors.Count} impostor pairs of originals, {result.VariantImpostors.Count} of a variant and another person's original");
        Console.WriteLine();
        Console.WriteLine("| variant | face not found | genuine distance: mean | max |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        foreach (var group in result.Genuine.GroupBy(trial => trial.Variant))
        {
            var distances = group.Where(trial => trial.Distance is not null).Select(trial => trial.Distance!.Value).ToList();
            Console.WriteLine(string.Create(Invariant, $"| {group.Key.Name} | {group.Count(trial => trial.Distance is null)} of {group.Count()} | {distances.Average():F3} | {distances.Max():F3} |"));
        }

        var genuine = result.GenuineDistances;
        Console.WriteLine();
        Console.WriteLine(string.Create(Invariant,
            $"genuine: {genuine.Count} pairs, {genuine.Min():F3} to {genuine.Max():F3}; impostor (originals): {result.OriginalImpostors.Min():F3} to {result.OriginalImpostors.Max():F3}, mean {result.OriginalImpostors.Average():F3}; impostor (variant against another original): from {result.VariantImpostors.Min():F3}"));
        Console.WriteLine();
        Console.WriteLine("| threshold | false rejects (of genuine pairs with a face found) | false accepts (of impostor pairs) | 1:N clear matches (margin 0.1) | 1:N wrong person accepted |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: |");
        var gallery = FaceGallery<string>.Create(result.Originals.Select(original => (original.Face, original.Descriptor)));
        var probes = result.Genuine.Where(trial => trial.Probe is not null).ToList();
        foreach (var rates in FaceMatchRates.At([0.4, 0.45, 0.5, 0.55, 0.6], genuine, result.Impostors))
        {
            var searches = probes.Select(trial => (trial.Face, Result: gallery.Search(trial.Probe!))).ToList();
            var clear = searches.Count(search => search.Result.IsClearMatch(rates.Threshold, 0.1) && search.Result.Best == search.Face);
            var wrong = searches.Count(search => search.Result.IsClearMatch(rates.Threshold, 0.1) && search.Result.Best != search.Face);
            Console.WriteLine(string.Create(Invariant,
                $"| {rates.Threshold:F2} | {rates.FalseRejects} of {rates.GenuinePairs} ({rates.FalseRejectRate:P1}) | {rates.FalseAccepts} of {rates.ImpostorPairs} ({rates.FalseAcceptRate:P2}) | {clear} of {searches.Count} | {wrong} |"));
        }

        Console.WriteLine();
        Console.WriteLine(FaceMatchRates.SeparatingThreshold(genuine, result.Impostors) is { } separating
            ? string.Create(Invariant, $"genuine and impostor distances do not overlap: halfway between them lies {separating:F3}")
            : "genuine and impostor distances overlap: no threshold separates them");
        return 0;
    }

    /// <summary>Milliseconds, the median of <paramref name="count"/> timed calls.</summary>
    private static double Median(int count, Action action)
    {
        var times = new double[count];
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return times[count / 2];
    }

    private static double Median(int count, Func<object> action) => Median(count, () => { _ = action(); });

    /// <summary>The photo cut to 4:3 around its first face (as wide as the photo allows) and scaled to 640 × 480.</summary>
    private static FaceImage Frame(FaceImage photo, FaceEngine engine)
    {
        var face = engine.Detect(photo)[0].Box;
        var width = Math.Min(photo.Width, photo.Height * 4 / 3);
        var height = width * 3 / 4;
        var left = Math.Clamp((int)(face.X + (face.Width / 2)) - (width / 2), 0, photo.Width - width);
        var top = Math.Clamp((int)(face.Y + (face.Height / 2)) - (height / 2), 0, photo.Height - height);
        using var source = FaceVariants.ToSkImage(photo);
        return FaceVariants.Make(source, new SKRectI(left, top, left + width, top + height), new FaceVariant("frame", Scale: 640.0 / width)).Image;
    }

    private static (long Managed, long WorkingSet, long Private) Memory(Process process)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        process.Refresh();
        return (GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64, process.PrivateMemorySize64);
    }

    private static string Row(string label, (long Managed, long WorkingSet, long Private) memory) =>
        string.Create(Invariant, $"| {label} | {memory.Managed / 1e6:F0} | {memory.WorkingSet / 1e6:F0} | {memory.Private / 1e6:F0} |");
}
