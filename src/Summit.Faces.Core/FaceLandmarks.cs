namespace Summit.Faces.Core;

/// <summary>
/// The 68 face landmarks in image pixels, in the iBUG 300-W order that dlib and face-api use: jaw 0-16, eyebrows
/// 17-26, nose 27-35, the eye on the image's left 36-41, the other eye 42-47, mouth 48-67.
/// </summary>
public sealed class FaceLandmarks
{
    public const int Count = 68;

    // face-api's dlib alignment constants (FaceLandmarks.ts): the box is eye-to-mouth / 0.45 wide, placed at 0.5 and 0.43.
    private const double AlignScale = 0.45;
    private const double AlignX = 0.5;
    private const double AlignY = 0.43;

    private readonly FacePoint[] _points;
    private readonly int _cropWidth;
    private readonly int _cropHeight;

    internal FaceLandmarks(FacePoint[] points, int cropWidth, int cropHeight)
    {
        _points = points;
        _cropWidth = cropWidth;
        _cropHeight = cropHeight;
    }

    public IReadOnlyList<FacePoint> Points => _points;

    /// <summary>Centre of the eye on the image's left (the person's right eye when they face the camera).</summary>
    public FacePoint LeftEye => FacePoint.Centre(_points.AsSpan(36, 6));

    public FacePoint RightEye => FacePoint.Centre(_points.AsSpan(42, 6));

    public FacePoint Mouth => FacePoint.Centre(_points.AsSpan(48, 20));

    public FacePoint NoseTip => _points[30];

    /// <summary>
    /// The square box the recognition network is given (face-api's align with useDlibAlignment): sized from the distance
    /// between the eyes and the mouth, placed on their centre. Axis-aligned: face-api does not rotate the face.
    /// </summary>
    public FaceBox DlibAlignedBox()
    {
        FacePoint left = LeftEye, right = RightEye, mouth = Mouth;
        var eyeToMouth = (mouth.DistanceTo(left) + mouth.DistanceTo(right)) / 2;
        var size = Math.Floor(eyeToMouth / AlignScale);
        var reference = FacePoint.Centre([left, right, mouth]);
        var x = Math.Floor(Math.Max(0, reference.X - (AlignX * size)));
        var y = Math.Floor(Math.Max(0, reference.Y - (AlignY * size)));
        // face-api bounds the size by the landmark crop's own size plus the offset, which in practice never binds.
        return new FaceBox(x, y, Math.Min(size, _cropWidth + x), Math.Min(size, _cropHeight + y));
    }

    /// <summary>
    /// Turns the landmark network's output for one face into image pixels, as face-api's FaceLandmark68NetBase.postProcess
    /// and FaceLandmarks.shiftBy do: the network saw the crop padded to a centred square; the result is shifted by the
    /// detection box's own (unrounded, unclipped) corner, as face-api does.
    /// </summary>
    internal static FaceLandmarks FromNetwork(ReadOnlySpan<float> output, int inputSize, (int X, int Y, int Width, int Height) crop, FaceBox detection)
    {
        var scale = inputSize / (double)Math.Max(crop.Height, crop.Width);
        double width = crop.Width * scale, height = crop.Height * scale;
        var padX = (float)(width < height ? Math.Abs(width - height) / 2 : 0);
        var padY = (float)(height < width ? Math.Abs(width - height) / 2 : 0);
        float scaledWidth = (float)width, scaledHeight = (float)height;
        var points = new FacePoint[Count];
        for (var i = 0; i < Count; i++)
        {
            // In float32, as TensorFlow.js computes it.
            var relativeX = ((output[2 * i] * inputSize) - padX) / scaledWidth;
            var relativeY = ((output[(2 * i) + 1] * inputSize) - padY) / scaledHeight;
            points[i] = new FacePoint((relativeX * (double)crop.Width) + detection.X, (relativeY * (double)crop.Height) + detection.Y);
        }

        return new FaceLandmarks(points, crop.Width, crop.Height);
    }
}
