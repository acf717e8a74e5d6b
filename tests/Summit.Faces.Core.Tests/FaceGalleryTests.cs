namespace Summit.Faces.Core.Tests;

/// <summary>1:N search: the nearest person, the nearest other person, and when a match is clear enough to act on.</summary>
public sealed class FaceGalleryTests
{
    [Fact]
    public void The_search_gives_the_nearest_person_and_the_nearest_other_person()
    {
        var gallery = FaceGallery<string>.Create([("ann", At(0, 1.0f)), ("bob", At(0, 0.3f)), ("cai", At(0, 0.5f)), ("dan", At(1, 0.1f))]);

        var result = gallery.Search(At(0, 0.25f));

        Assert.Equal("bob", result.Best);
        Assert.Equal(0.05, result.BestDistance, 1e-6);
        Assert.Equal("cai", result.Second);
        Assert.Equal(0.25, result.SecondDistance, 1e-6);
    }

    [Fact]
    public void A_second_template_of_the_best_person_is_not_the_second_best()
    {
        // Bob's two templates come first and second by distance, in either order of enrolment.
        FaceDescriptor near = At(0, 0.3f), nearToo = At(0, 0.32f), other = At(0, 0.7f);
        var probe = At(0, 0.31f);

        foreach (var gallery in new[]
        {
            FaceGallery<string>.Create([("bob", near), ("bob", nearToo), ("eve", other)]),
            FaceGallery<string>.Create([("eve", other), ("bob", nearToo), ("bob", near)]),
        })
        {
            var result = gallery.Search(probe);
            Assert.Equal("bob", result.Best);
            Assert.Equal("eve", result.Second);
            Assert.Equal(0.39, result.SecondDistance, 1e-6);
        }
    }

    [Fact]
    public void A_clear_match_is_under_the_threshold_and_ahead_of_the_second_by_the_margin()
    {
        var gallery = FaceGallery<string>.Create([("ann", At(0, 0.30f)), ("bob", At(0, 0.70f))]);

        Assert.True(gallery.Search(At(0, 0.32f)).IsClearMatch(threshold: 0.5, margin: 0.1));
        // Under the threshold but both people nearly as close: the lane asks for the code.
        Assert.False(gallery.Search(At(0, 0.49f)).IsClearMatch(threshold: 0.5, margin: 0.1));
        // Clearly nearest but too far from anyone.
        Assert.False(FaceGallery<string>.Create([("ann", At(0, 0.30f))]).Search(At(0, 0.95f)).IsClearMatch(threshold: 0.5, margin: 0.1));
    }

    [Fact]
    public void One_person_alone_has_no_second_and_an_empty_gallery_finds_no_one()
    {
        var alone = FaceGallery<string>.Create([("ann", At(0, 0.3f))]).Search(At(0, 0.3f));
        Assert.Equal("ann", alone.Best);
        Assert.Null(alone.Second);
        Assert.True(double.IsPositiveInfinity(alone.SecondDistance));
        Assert.True(alone.IsClearMatch(0.5, 0.1));

        var empty = FaceGallery<string>.Create([]).Search(At(0, 0.3f));
        Assert.False(empty.Found);
        Assert.False(empty.IsClearMatch(0.5, 0.1));
    }

    [Fact]
    public void Descriptors_round_trip_through_their_stored_bytes_and_never_print_their_values()
    {
        var descriptor = At(5, -0.123f);

        var stored = FaceDescriptor.FromBytes(descriptor.ToBytes());

        Assert.Equal(FaceDescriptor.ByteLength, descriptor.ToBytes().Length);
        Assert.Equal(0, stored.DistanceTo(descriptor));
        Assert.DoesNotContain("0.123", descriptor.ToString(), StringComparison.Ordinal);
        var bad = new float[FaceDescriptor.Length];
        bad[3] = float.NaN;
        Assert.Throws<ArgumentException>(() => FaceDescriptor.FromValues(bad));
        Assert.Throws<ArgumentException>(() => FaceDescriptor.FromBytes(new byte[100]));
    }

    [Fact]
    public void Rates_count_false_rejects_and_false_accepts_at_each_threshold()
    {
        double[] genuine = [0.1, 0.2, 0.45], impostor = [0.5, 0.7, 0.9];

        var rates = FaceMatchRates.At([0.4, 0.6], genuine, impostor);

        Assert.Equal((1, 0), (rates[0].FalseRejects, rates[0].FalseAccepts));
        Assert.Equal((0, 1), (rates[1].FalseRejects, rates[1].FalseAccepts));
        Assert.Equal(1.0 / 3, rates[1].FalseAcceptRate, 1e-9);
        Assert.Equal(0.475, FaceMatchRates.SeparatingThreshold(genuine, impostor)!.Value, 1e-9);
        Assert.Null(FaceMatchRates.SeparatingThreshold([0.6], impostor));
    }

    /// <summary>A descriptor that is zero except for one value.</summary>
    private static FaceDescriptor At(int index, float value)
    {
        var values = new float[FaceDescriptor.Length];
        values[index] = value;
        return FaceDescriptor.FromValues(values);
    }
}
