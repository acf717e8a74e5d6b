namespace Summit.Faces.Core;

/// <summary>
/// The enrolment quality check: exactly one face (a much smaller face in the background is ignored), big enough, wholly
/// inside the image, frontal (yaw, roll and pitch from the landmarks) and sharp. Every failure is a
/// <see cref="FaceIssue"/> whose text tells the guest or officer what to change.
/// </summary>
public static class FaceQuality
{
    public static FaceQualityReport Check(FaceEngine engine, FaceImage image, FaceQualityOptions? options = null)
    {
        options ??= new FaceQualityOptions();
        var faces = engine.Analyze(image);
        if (faces.Count == 0)
        {
            return new FaceQualityReport(null, null, [FaceIssue.NoFace]);
        }

        var face = faces.MaxBy(candidate => candidate.Detection.Box.Width)!;
        var issues = new List<FaceIssue>();
        if (faces.Any(other => other != face && other.Detection.Box.Width >= options.OtherFaceRatio * face.Detection.Box.Width))
        {
            issues.Add(FaceIssue.SeveralFaces);
        }

        var measures = Measure(image, face);
        var box = face.AlignedBox;
        var detection = face.Detection.Box;
        var margin = 0.05 * detection.Width;
        if (box.Right > image.Width || box.Bottom > image.Height || detection.X < -margin || detection.Y < -margin
            || detection.Right > image.Width + margin || detection.Bottom > image.Height + margin)
        {
            issues.Add(FaceIssue.FaceCutOff);
        }

        if (measures.Size < options.MinFaceSize)
        {
            issues.Add(FaceIssue.FaceTooSmall);
        }

        if (Math.Abs(measures.Yaw) > options.MaxYaw)
        {
            issues.Add(FaceIssue.FaceTurned);
        }

        if (Math.Abs(measures.RollDegrees) > options.MaxRollDegrees)
        {
            issues.Add(FaceIssue.FaceTilted);
        }

        if (measures.Pitch < options.MinPitch || measures.Pitch > options.MaxPitch)
        {
            issues.Add(FaceIssue.FaceRaisedOrLowered);
        }

        if (measures.Sharpness < options.MinSharpness)
        {
            issues.Add(FaceIssue.FaceBlurred);
        }

        return new FaceQualityReport(face, measures, issues);
    }

    /// <summary>Size, pose and sharpness of one analysed face.</summary>
    public static FaceMeasures Measure(FaceImage image, FaceAnalysis face)
    {
        var landmarks = face.Landmarks;
        FacePoint left = landmarks.LeftEye, right = landmarks.RightEye;
        var roll = Math.Atan2(right.Y - left.Y, right.X - left.X);
        var middle = new FacePoint((left.X + right.X) / 2, (left.Y + right.Y) / 2);

        // Pose in the face's own upright frame: undo the roll around the middle of the eyes.
        FacePoint Upright(FacePoint p)
        {
            double dx = p.X - middle.X, dy = p.Y - middle.Y, cos = Math.Cos(-roll), sin = Math.Sin(-roll);
            return new FacePoint((dx * cos) - (dy * sin), (dx * sin) + (dy * cos));
        }

        var points = landmarks.Points;
        FacePoint nose = Upright(points[30]), jawStart = Upright(points[0]), jawEnd = Upright(points[16]), chin = Upright(points[8]);
        double toStart = nose.X - jawStart.X, toEnd = jawEnd.X - nose.X;
        var yaw = toStart + toEnd > 0 ? (toStart - toEnd) / (toStart + toEnd) : 1;
        var pitch = chin.Y > 0 ? nose.Y / chin.Y : 0;
        return new FaceMeasures(Math.Min(face.AlignedBox.Width, face.AlignedBox.Height), yaw, roll * 180 / Math.PI, pitch, Sharpness(image, face.AlignedBox));
    }

    /// <summary>Variance of the 4-neighbour Laplacian of the grey face at the recognition network's 150 × 150: low when blurred.</summary>
    internal static double Sharpness(FaceImage image, FaceBox alignedBox)
    {
        const int size = FaceEngine.RecognitionInputSize;
        var region = alignedBox.ClipToImage(image.Width, image.Height);
        if (region.Width == 0 || region.Height == 0)
        {
            return 0;
        }

        var rgb = new float[3 * size * size];
        NetInput.SquareResize(image, region, centre: true, size, rgb);
        var grey = new float[size * size];
        for (var i = 0; i < grey.Length; i++)
        {
            grey[i] = (0.299f * rgb[i]) + (0.587f * rgb[(size * size) + i]) + (0.114f * rgb[(2 * size * size) + i]);
        }

        double sum = 0, sumOfSquares = 0;
        var count = 0;
        for (var y = 1; y < size - 1; y++)
        {
            for (var x = 1; x < size - 1; x++)
            {
                var i = (y * size) + x;
                double laplacian = grey[i - 1] + grey[i + 1] + grey[i - size] + grey[i + size] - (4 * grey[i]);
                sum += laplacian;
                sumOfSquares += laplacian * laplacian;
                count++;
            }
        }

        var mean = sum / count;
        return (sumOfSquares / count) - (mean * mean);
    }
}
