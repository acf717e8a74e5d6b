namespace Summit.Faces.Core.Tests;

/// <summary>The enrolment quality check on real faces, and on variants of them made to fail one rule each.</summary>
[Collection(FaceEngineCollection.Name)]
public sealed class FaceQualityTests(FaceEngineFixture engine)
{
    // sample6.jpg #2 is frontal, level and sharp; sample5.jpg #2 is turned well to one side.
    private const string FrontalPhoto = "sample6.jpg";
    private const int FrontalFace = 2;

    [Fact]
    public void A_frontal_sharp_face_alone_in_the_picture_is_acceptable()
    {
        var report = FaceQuality.Check(engine.Engine, Variant(FrontalPhoto, FrontalFace, new FaceVariant("as is")));

        Assert.True(report.Acceptable, string.Join(", ", report.Issues.Select(issue => issue.Code())));
        Assert.NotNull(report.Face);
        Assert.InRange(report.Measures!.Size, 200, 300);
    }

    [Fact]
    public void A_group_photo_is_refused_as_several_faces()
    {
        var report = FaceQuality.Check(engine.Engine, engine.Photo("sample6.jpg"));

        Assert.Contains(FaceIssue.SeveralFaces, report.Issues);
        Assert.False(report.Acceptable);
    }

    [Fact]
    public void A_picture_without_a_face_is_refused_as_no_face()
    {
        var grey = new byte[640 * 480 * 3];
        Array.Fill(grey, (byte)128);

        var report = FaceQuality.Check(engine.Engine, FaceImage.FromRgb(grey, 640, 480));

        Assert.Equal([FaceIssue.NoFace], report.Issues);
        Assert.Null(report.Face);
    }

    [Fact]
    public void A_small_face_is_refused_as_too_small()
    {
        var report = FaceQuality.Check(engine.Engine, Variant(FrontalPhoto, FrontalFace, new FaceVariant("small", Scale: 0.3)));

        Assert.Contains(FaceIssue.FaceTooSmall, report.Issues);
    }

    [Fact]
    public void A_blurred_face_is_refused_as_blurred()
    {
        var report = FaceQuality.Check(engine.Engine, Variant(FrontalPhoto, FrontalFace, new FaceVariant("blurred", BlurSigma: 3)));

        Assert.Contains(FaceIssue.FaceBlurred, report.Issues);
        Assert.True(report.Measures!.Sharpness < 20, $"sharpness {report.Measures.Sharpness:F1}");
    }

    [Fact]
    public void A_tilted_head_is_refused_as_tilted()
    {
        var report = FaceQuality.Check(engine.Engine, Variant(FrontalPhoto, FrontalFace, new FaceVariant("tilted", RotationDegrees: 18)));

        Assert.Contains(FaceIssue.FaceTilted, report.Issues);
        Assert.InRange(Math.Abs(report.Measures!.RollDegrees), 15, 25);
    }

    [Fact]
    public void A_head_turned_to_one_side_is_refused_as_turned()
    {
        var report = FaceQuality.Check(engine.Engine, Variant("sample5.jpg", 2, new FaceVariant("as is")));

        Assert.Contains(FaceIssue.FaceTurned, report.Issues);
        Assert.True(Math.Abs(report.Measures!.Yaw) > 0.3, $"yaw {report.Measures.Yaw:F2}");
    }

    [Fact]
    public void The_pitch_limits_apply_to_the_measured_pitch()
    {
        var image = Variant(FrontalPhoto, FrontalFace, new FaceVariant("as is"));
        var pitch = FaceQuality.Check(engine.Engine, image).Measures!.Pitch;

        var strict = FaceQuality.Check(engine.Engine, image, new FaceQualityOptions { MaxPitch = pitch - 0.01 });

        Assert.Equal([FaceIssue.FaceRaisedOrLowered], strict.Issues);
    }

    [Fact]
    public void A_face_reaching_beyond_the_edge_is_refused_as_cut_off()
    {
        var image = engine.Photo(FrontalPhoto);
        var box = engine.Analysis(FrontalPhoto)[FrontalFace].AlignedBox;
        // The region ends a quarter of the face before the face's right edge.
        var cut = new SkiaSharp.SKRectI((int)(box.X - box.Width), (int)(box.Y - box.Height), (int)(box.Right - (box.Width / 4)), (int)(box.Bottom + box.Height));
        using var source = FaceVariants.ToSkImage(image);

        var report = FaceQuality.Check(engine.Engine, FaceVariants.Make(source, cut, new FaceVariant("cut")).Image);

        Assert.Contains(FaceIssue.FaceCutOff, report.Issues);
    }

    [Fact]
    public void Every_issue_has_a_stable_code_and_a_text_in_both_languages()
    {
        var issues = Enum.GetValues<FaceIssue>();

        Assert.Equal(issues.Length, issues.Select(issue => issue.Code()).Distinct().Count());
        Assert.All(issues, issue =>
        {
            Assert.StartsWith("face.", issue.Code(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(issue.Text().En));
            Assert.Contains(issue.Text().Zh, text => text >= '\u4e00' && text <= '\u9fff');
        });
    }

    private FaceImage Variant(string photo, int face, FaceVariant variant)
    {
        var image = engine.Photo(photo);
        // 2.2 face widths: room around the face, but not for a neighbour's, which the check would judge as well.
        var region = FaceRegions.AroundFace(engine.Analysis(photo)[face].AlignedBox, 2.2, image.Width, image.Height);
        using var source = FaceVariants.ToSkImage(image);
        return FaceVariants.Make(source, region, variant).Image;
    }
}
