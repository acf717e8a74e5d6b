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
