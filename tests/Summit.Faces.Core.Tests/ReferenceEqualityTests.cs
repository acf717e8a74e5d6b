using Xunit.Abstractions;

namespace Summit.Faces.Core.Tests;

/// <summary>
/// Summit's face pipeline against the reference (face-api 1.7.15 on TensorFlow.js, Reference/face-api-reference.json) on
/// the 20 faces of the package's six sample photos. Given the very pixels the reference read (its JPEG decoder, jpeg-js),
/// Summit computes the same detections, landmarks and descriptors. From the JPEG files through Summit's own decoder
/// (libjpeg-turbo in SkiaSharp, whose pixels differ by a level here and there): the same faces, boxes within a few pixels,
/// descriptors at cosine ≥ 0.99 to the reference's, and ≥ 0.999 on the reference's own aligned crops.
/// </summary>
[Collection(FaceEngineCollection.Name)]
public sealed class ReferenceEqualityTests(FaceEngineFixture engine, ITestOutputHelper output)
{
    private static IEnumerable<IGrouping<string, ReferenceFace>> ByPhoto => ReferenceFaces.Faces.GroupBy(face => face.Photo);

    [Fact]
    public void Given_the_reference_pixels_Summit_computes_what_the_reference_computes()
    {
        var worstPoint = 0.0;
        var worstCosine = 1.0;
        var worstDistance = 0.0;
        var faces = 0;
        foreach (var group in ByPhoto)
        {
            var found = engine.Engine.Analyze(engine.ReferencePixels(group.Key));
            Assert.True(found.Count == group.Count(), $"{group.Key}: Summit found {found.Count} faces, the reference {group.Count()}");
            foreach (var (mine, reference) in Pair(found, group))
            {
                Assert.Equal(reference.AlignedBox, mine.AlignedBox);
                Assert.Equal(reference.Score, mine.Detection.Score, 1e-4);
                var points = BoxCorners(mine.Detection.Box).Zip(BoxCorners(reference.DetectionBox))
                    .Concat(mine.Landmarks.Points.Zip(reference.LandmarkPoints));
                worstPoint = Math.Max(worstPoint, points.Max(pair => pair.First.DistanceTo(pair.Second)));
                var expected = FaceDescriptor.FromValues(reference.Descriptor);
                worstCosine = Math.Min(worstCosine, mine.Descriptor.CosineSimilarityTo(expected));
                worstDistance = Math.Max(worstDistance, mine.Descriptor.DistanceTo(expected));
                faces++;
            }
        }

        output.WriteLine($"{faces} faces on the reference's pixels: worst point (box corner or landmark) {worstPoint:F4} px, worst cosine {worstCosine:F7}, worst distance {worstDistance:F5}");
        Assert.Equal(20, faces);
        Assert.True(worstPoint < 0.05, $"a box corner or landmark is {worstPoint:F4} px from the reference's");
        Assert.True(worstCosine >= 0.99999, $"a descriptor is at cosine {worstCosine:F7} from the reference's");
    }

    [Fact]
    public void From_the_jpeg_files_Summit_finds_the_reference_faces_with_close_boxes_and_descriptors()
    {
        var worstBox = 0.0;
        var worstMeanLandmark = 0.0;
        var worstCosine = 1.0;
        var worstCropCosine = 1.0;
        var faces = 0;
        foreach (var group in ByPhoto)
        {
            var image = engine.Photo(group.Key);
            var found = engine.Analysis(group.Key);
            Assert.True(found.Count == group.Count(), $"{group.Key}: Summit found {found.Count} faces, the reference {group.Count()}");
            foreach (var (mine, reference) in Pair(found, group))
            {
                var boxError = BoxCorners(mine.Detection.Box).Zip(BoxCorners(reference.DetectionBox)).Max(pair => pair.First.DistanceTo(pair.Second));
                // Relative to the face's size: a decoder's rounding moves the points of a small, soft face the most.
                var meanLandmark = mine.Landmarks.Points.Zip(reference.LandmarkPoints).Average(pair => pair.First.DistanceTo(pair.Second)) / reference.AlignedBox.Width;
                var expected = FaceDescriptor.FromValues(reference.Descriptor);
                var cosine = mine.Descriptor.CosineSimilarityTo(expected);
                var cropCosine = engine.Engine.Describe(image, [reference.AlignedBox])[0]!.CosineSimilarityTo(expected);
                output.WriteLine($"{reference.Photo} #{reference.Index}: score {mine.Detection.Score:F4} (ref {reference.Score:F4}), box corners within {boxError:F2} px, " +
                    $"landmarks mean {meanLandmark:P2} of the face, cosine end to end {cosine:F5} (distance {mine.Descriptor.DistanceTo(expected):F4}), on the reference's crop {cropCosine:F6}");
                worstBox = Math.Max(worstBox, boxError);
                worstMeanLandmark = Math.Max(worstMeanLandmark, meanLandmark);
                worstCosine = Math.Min(worstCosine, cosine);
                worstCropCosine = Math.Min(worstCropCosine, cropCosine);
                faces++;
            }
        }

        output.WriteLine($"{faces} faces from the JPEG files: worst box corner {worstBox:F2} px, worst mean landmark {worstMeanLandmark:P2} of the face, worst cosine end to end {worstCosine:F5}, on the reference's crops {worstCropCosine:F6}");
        Assert.Equal(20, faces);
        Assert.True(worstBox <= 3, $"a box corner is {worstBox:F2} px from the reference's");
        Assert.True(worstMeanLandmark <= 0.05, $"a face's landmarks are on average {worstMeanLandmark:P2} of its size from the reference's");
        Assert.True(worstCosine >= 0.99, $"a descriptor is at cosine {worstCosine:F5} from the reference's, end to end");
        Assert.True(worstCropCosine >= 0.999, $"a descriptor is at cosine {worstCropCosine:F6} from the reference's on the same crop");
    }

    /// <summary>Each reference face with Summit's face nearest to it (by box centre), each of Summit's faces used once.</summary>
    private static IEnumerable<(FaceAnalysis Mine, ReferenceFace Reference)> Pair(IReadOnlyList<FaceAnalysis> found, IEnumerable<ReferenceFace> references)
    {
        var unmatched = found.ToList();
        foreach (var reference in references)
        {
            var mine = unmatched.MinBy(face => Centre(face.Detection.Box).DistanceTo(Centre(reference.DetectionBox)))!;
            unmatched.Remove(mine);
            yield return (mine, reference);
        }
    }

    private static FacePoint Centre(FaceBox box) => new(box.X + (box.Width / 2), box.Y + (box.Height / 2));

    private static FacePoint[] BoxCorners(FaceBox box) => [new(box.X, box.Y), new(box.Right, box.Bottom)];
}
