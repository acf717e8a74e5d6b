namespace Summit.Server.Components.Shared;

/// <summary>
/// A zone's rectangle on the site plan, in the units of the canvas the page gives <c>SitePlan</c> (Access's zone plan areas: the
/// pages copy them into this shape, so the shell names no module).
/// </summary>
public sealed record PlanArea(int X, int Y, int Width, int Height)
{
    public int Area => Width * Height;
}
