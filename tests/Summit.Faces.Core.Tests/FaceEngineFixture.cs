using System.Collections.Concurrent;

namespace Summit.Faces.Core.Tests;

/// <summary>
/// One engine, the sample photos decoded once (by Summit and by the reference's decoder) and their analyses, shared by
/// every test of the collection: loading and analysing take a moment, and CI time is scarce.
/// </summary>
public sealed class FaceEngineFixture : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<FaceImage>> _photos = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<FaceAnalysis>>> _analyses = new(StringComparer.Ordinal);
    private readonly Lazy<IReadOnlyDictionary<string, FaceImage>> _referencePixels =
        new(() => ReferenceJpegDecoder.Decode(FaceApiPackage.SamplePhotos));

    public FaceEngine Engine { get; } = FaceEngine.Load();

    /// <summary>A sample photo of the npm package by file name (sample1.jpg...), decoded by Summit (SkiaSharp).</summary>
    public FaceImage Photo(string name) =>
        _photos.GetOrAdd(name, key => new(() => FaceImage.Decode(File.ReadAllBytes(Path.Combine(FaceApiPackage.Directory, "demo", key))))).Value;

    /// <summary>The same photo decoded by the reference's JPEG decoder (jpeg-js): the very pixels the reference read.</summary>
    public FaceImage ReferencePixels(string name) => _referencePixels.Value[name];

    /// <summary>Summit's analysis of <see cref="Photo"/>, computed once.</summary>
    public IReadOnlyList<FaceAnalysis> Analysis(string name) =>
        _analyses.GetOrAdd(name, key => new(() => Engine.Analyze(Photo(key)))).Value;

    public void Dispose() => Engine.Dispose();
}
