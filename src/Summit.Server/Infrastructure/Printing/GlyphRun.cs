using HarfBuzzSharp;

namespace Summit.Server.Infrastructure.Printing;

/// <summary>
/// Glyphs of one face in one direction, in visual order (left to right as drawn), at a font size of 1: positions and the
/// advance are in ems. <see cref="Clusters"/> are the UTF-16 offsets in the line of the characters each glyph draws.
/// </summary>
internal sealed record GlyphRun(PrintFace Face, Script Script, bool RightToLeft, ushort[] Glyphs, float[] X, float[] Y, int[] Clusters, float Advance);
