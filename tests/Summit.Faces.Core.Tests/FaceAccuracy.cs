namespace Summit.Faces.Core.Tests;

/// <summary>Runs the accuracy measurement (used by a test on a few variants and by the benchmark on all of them).</summary>
public static class FaceAccuracy
{
    /// <param name="photos">Each photo with Summit's analysis of it; every face found is one person.</param>
    /// <param name="context">The side of the region cut around each face, in face widths (its dlib-aligned box).</param>
    public static FaceAccuracyResult Measure(FaceEngine engine, IEnumerable<(string Name, FaceImage Image, IReadOnlyList<FaceAnalysis> Faces)> photos, IReadOnlyList<FaceVariant> variants, double context = 3)
    {
        var originals = new List<(string Face, FaceDescriptor Descriptor)>();
        var genuine = new List<GenuineTrial>();
        foreach (var (name, image, faces) in photos)
        {
            using var source = FaceVariants.ToSkImage(image);
            for (var i = 0; i < faces.Count; i++)
            {
                var face = $"{name} #{i}";
                originals.Add((face, faces[i].Descriptor));
                var region = FaceRegions.AroundFace(faces[i].AlignedBox, context, image.Width, image.Height);
                foreach (var variant in variants)
                {
                    var (variantImage, transform) = FaceVariants.Make(source, region, variant);
                    var moved = FaceVariants.FindMoved(engine.Analyze(variantImage), faces[i], transform);
                    genuine.Add(new GenuineTrial(face, variant, moved?.Descriptor, moved?.Descriptor.DistanceTo(faces[i].Descriptor)));
                }
            }
        }

        var originalImpostors = new List<double>();
        for (var i = 0; i < originals.Count; i++)
        {
            for (var j = i + 1; j < originals.Count; j++)
            {
                originalImpostors.Add(originals[i].Descriptor.DistanceTo(originals[j].Descriptor));
            }
        }

        var variantImpostors = genuine
            .Where(trial => trial.Probe is not null)
            .SelectMany(trial => originals.Where(other => other.Face != trial.Face).Select(other => trial.Probe!.DistanceTo(other.Descriptor)))
            .ToList();
        return new FaceAccuracyResult(originals, genuine, originalImpostors, variantImpostors);
    }
}
