namespace Summit.Server.Access.Contracts;

/// <summary>
/// A zone's rectangle on the venue plan: a schematic drawing on a canvas of <see cref="CanvasWidth"/> x <see cref="CanvasHeight"/>
/// units (the operations dashboard scales it to the screen). A zone inside another is drawn over it.
/// </summary>
public sealed record ZonePlanArea(int X, int Y, int Width, int Height)
{
    public const int CanvasWidth = 1000;
    public const int CanvasHeight = 600;

    /// <summary>Smaller than this, a zone's code no longer fits in its rectangle on a laptop screen.</summary>
    public const int MinSide = 20;

    public int Area => Width * Height;
}
