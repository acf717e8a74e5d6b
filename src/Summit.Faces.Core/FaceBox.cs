namespace Summit.Faces.Core;

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
