using BenchmarkDotNet.Attributes;
using Summit.Faces.Core;

namespace Summit.Benchmarks;

/// <summary>1:N search of the VIP fast lane: one probe against 500 enrolled templates (goal &lt; 1 ms).</summary>
[Config(typeof(FastConfig))]
public class FaceGalleryBenchmarks
{
    private FaceGallery<int> _gallery = null!;
    private FaceGallery<Guid> _byGuest = null!;
    private FaceDescriptor _probe = null!;

    [Params(500)]
    public int Templates { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // Random descriptors cost what real ones cost: the search reads every template whatever its values.
        var random = new Random(14);
        FaceDescriptor Next() => FaceDescriptor.FromValues([.. Enumerable.Range(0, FaceDescriptor.Length).Select(_ => (float)((random.NextDouble() - 0.5) * 0.4))]);
        var templates = Enumerable.Range(0, Templates).Select(_ => Next()).ToList();
        _gallery = FaceGallery<int>.Create(templates.Select((template, person) => (person, template)));
        // As the server's face lanes hold it: keyed by guest id.
        _byGuest = FaceGallery<Guid>.Create(templates.Select(template => (Guid.NewGuid(), template)));
        _probe = Next();
    }

    [Benchmark]
    public FaceSearchResult<int> Search() => _gallery.Search(_probe);

    [Benchmark]
    public FaceSearchResult<Guid> SearchByGuest() => _byGuest.Search(_probe);
}
