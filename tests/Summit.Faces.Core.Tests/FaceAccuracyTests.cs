using Xunit.Abstractions;

namespace Summit.Faces.Core.Tests;

/// <summary>
/// The suggested threshold (0.45, docs/benchmarks.md "Faces: accuracy") on the 20 sample faces and three same-person variants
/// of each: no impostor pair accepted, every variant whose face is found accepted as its person, and 1:N search finds the
/// right person with a clear margin. The full measurement (eleven variants, every threshold) is the faces-accuracy benchmark.
/// </summary>
[Collection(FaceEngineCollection.Name)]
public sealed class FaceAccuracyTests(FaceEngineFixture engine, ITestOutputHelper output)
{
    private const double Threshold = 0.45;
    private const double Margin = 0.1;

    [Fact]
    public void At_the_suggested_threshold_no_impostor_is_accepted_and_same_person_variants_are()
    {
        var photos = FaceApiPackage.SamplePhotos.Select(Path.GetFileName).Select(name => (name!, engine.Photo(name!), engine.Analysis(name!)));
        FaceVariant[] variants = [new("JPEG quality 30", JpegQuality: 30), new("scaled to 50 %", Scale: 0.5), new("darker (60 %)", Brightness: 0.6f)];

        var result = FaceAccuracy.Measure(engine.Engine, photos, variants);

        var rates = FaceMatchRates.At([Threshold], result.GenuineDistances, result.Impostors)[0];
        var gallery = FaceGallery<string>.Create(result.Originals.Select(original => (original.Face, original.Descriptor)));
        var searches = result.Genuine.Where(trial => trial.Probe is not null).Select(trial => (trial.Face, Result: gallery.Search(trial.Probe!))).ToList();
        output.WriteLine($"{rates.GenuinePairs} genuine pairs ({result.Missed} faces not found), {rates.FalseRejects} rejected, max {result.GenuineDistances.Max():F3}; " +
            $"{rates.ImpostorPairs} impostor pairs, {rates.FalseAccepts} accepted, min {result.Impostors.Min():F3}");
        Assert.Equal(20, result.Originals.Count);
        Assert.Equal(190 + (rates.GenuinePairs * 19), rates.ImpostorPairs);
        Assert.Equal(0, rates.FalseAccepts);
        Assert.Equal(0, rates.FalseRejects);
        // The tiny detector misses some faces when the framing changes (docs/benchmarks.md): most must still be found.
        Assert.True(rates.GenuinePairs >= 40, $"only {rates.GenuinePairs} of 60 variant faces found");
        Assert.All(searches, search =>
        {
            Assert.Equal(search.Face, search.Result.Best);
            Assert.True(search.Result.IsClearMatch(Threshold, Margin), $"{search.Face}: {search.Result.BestDistance:F3} against {search.Result.SecondDistance:F3}");
        });
    }
}
