using Xunit.Abstractions;

namespace Summit.Faces.Core.Tests;

/// <summary>
/// Summit's face pipeline against the reference (face-api 1.7.15 on TensorFlow.js) on the 20 faces of the package's six
/// sample photos: the same faces, boxes and landmarks within a few pixels, descriptors at cosine ≥ 0.99 end to end and
/// ≥ 0.999 when Summit describes the reference's own aligned boxes.
/// </summary>
[Collection(FaceEngineCollection.Name)]
public sealed class ReferenceEqualityTests(FaceEngineFixture engine, ITestOutputHelper output)
{
    private const double BoxTolerancePixels = 3;
    private const double MeanLandmarkTolerancePixels = 2;

    [Fact]
    public void Summit_finds_the_reference_faces_with_the_same_boxes_landmarks_and_descriptors()
    {
        var worstBox = 0.0;
        var worstLandmark = 0.0;
        var worstMeanLandmark = 0.0;
        var worstCosine = 1.0;
        var worstCropCosine = 1.0;
        var faces = 0;
        foreach (var group in ReferenceFaces.Faces.GroupBy(face => face.Photo))
        {
            var image = engine.Photo(group.Key);
            var found = engine.Engine.Analyze(image);
            Assert.True(found.Count == group.Count(), $"{group.Key}: Summit found {found.Count} faces, the reference {group.Count()}");
            var unmatched = found.ToList();
            foreach (var reference in group)
            {
                var mine = unmatched.MinBy(face => Centre(face.Detection.Box).DistanceTo(Centre(reference.DetectionBox)))!;
                unmatched.Remove(mine);
                var boxError = BoxError(mine.Detection.Box, reference.DetectionBox);
                var landmarkErrors = mine.Landmarks.Points.Select((point, i) => point.DistanceTo(new FacePoint(reference.Landmarks[i][0], reference.Landmarks[i][1]))).ToList();
                var landmarkError = landmarkErrors.Max();
                var expected = FaceDescriptor.FromValues(reference.Descriptor);
                var cosine = mine.Descriptor.CosineSimilarityTo(expected);
                var onReferenceCrop = engine.Engine.Describe(image, [reference.AlignedBox])[0]!;
                var cropCosine = onReferenceCrop.CosineSimilarityTo(expected);
                output.WriteLine(
                    $"{reference.Photo} #{reference.Index}: score {mine.Detection.Score:F4} (ref {reference.Score:F4}), box error {boxError:F2} px, " +
                    $"landmarks mean {landmarkErrors.Average():F2} max {landmarkError:F2} px, aligned box {mine.AlignedBox} (ref {reference.AlignedBox}), cosine end to end {cosine:F5} " +
                    $"(distance {mine.Descriptor.DistanceTo(expected):F4}), on the reference's crop {cropCosine:F6} (distance {onReferenceCrop.DistanceTo(expected):F4})");
                worstBox = Math.Max(worstBox, boxError);
                worstLandmark = Math.Max(worstLandmark, landmarkError);
                worstMeanLandmark = Math.Max(worstMeanLandmark, landmarkErrors.Average());
                worstCosine = Math.Min(worstCosine, cosine);
                worstCropCosine = Math.Min(worstCropCosine, cropCosine);
                faces++;
            }
        }

        output.WriteLine($"{faces} faces: worst box error {worstBox:F2} px, landmarks worst mean {worstMeanLandmark:F2} px and worst single {worstLandmark:F2} px, worst cosine end to end {worstCosine:F5}, on the reference's crops {worstCropCosine:F6}");
        Assert.Equal(20, faces);
        Assert.True(worstBox <= BoxTolerancePixels, $"a box is {worstBox:F2} px from the reference's");
        // JPEG decoders differ a little (libjpeg-turbo here, jpeg-js in the reference), which moves single points of a hard face.
        Assert.True(worstMeanLandmark <= MeanLandmarkTolerancePixels, $"a face's landmarks are on average {worstMeanLandmark:F2} px from the reference's");
        Assert.True(worstCosine >= 0.99, $"a descriptor is at cosine {worstCosine:F5} from the reference's, end to end");
        Assert.True(worstCropCosine >= 0.999, $"a descriptor is at cosine {worstCropCosine:F6} from the reference's on the same crop");
    }

    private static FacePoint Centre(FaceBox box) => new(box.X + (box.Width / 2), box.Y + (box.Height / 2));

    private static double BoxError(FaceBox a, FaceBox b) =>
        new[] { a.X - b.X, a.Y - b.Y, a.Right - b.Right, a.Bottom - b.Bottom }.Max(Math.Abs);
}
