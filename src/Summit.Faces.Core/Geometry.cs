namespace Summit.Faces.Core;

/// <summary>A point in image pixels (x to the right, y down).</summary>
public readonly record struct FacePoint(double X, double Y)
{
    public static FacePoint Centre(ReadOnlySpan<FacePoint> points)
    {
        // Summed then divided, in this order, as face-api's getCenterPoint does.
        double x = 0, y = 0;
        foreach (var point in points)
        {
            x += point.X;
            y += point.Y;
        }

        return new FacePoint(x / points.Length, y / points.Length);
    }

    public double DistanceTo(FacePoint other) => Math.Sqrt(((X - other.X) * (X - other.X)) + ((Y - other.Y) * (Y - other.Y)));
}

/// <summary>A rectangle in image pixels.</summary>
public readonly record struct FaceBox(double X, double Y, double Width, double Height)
{
    public double Right => X + Width;

    public double Bottom => Y + Height;

    /// <summary>
    /// The whole-pixel region face-api cuts out of an image for this box: clipped to the image, then every
    /// coordinate floored (Box.clipAtImageBorders). Empty when the box lies outside the image.
    /// </summary>
    public (int X, int Y, int Width, int Height) ClipToImage(int imageWidth, int imageHeight)
    {
        var x = Math.Max(X, 0);
        var y = Math.Max(Y, 0);
        var width = Math.Min(Right - x, imageWidth - x);
        var height = Math.Min(Bottom - y, imageHeight - y);
        return ((int)Math.Floor(x), (int)Math.Floor(y), Math.Max(0, (int)Math.Floor(width)), Math.Max(0, (int)Math.Floor(height)));
    }
}
