namespace Summit.Server.Infrastructure.Printing;

/// <summary>A directional run of a line, in visual order: the UTF-16 range it covers and whether it reads right to left.</summary>
internal readonly record struct BidiRun(int Start, int Length, bool RightToLeft);
