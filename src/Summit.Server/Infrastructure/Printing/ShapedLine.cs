namespace Summit.Server.Infrastructure.Printing;

/// <summary>A shaped line: its glyph runs in visual order and its width in ems.</summary>
internal sealed record ShapedLine(IReadOnlyList<GlyphRun> Runs, float Width);
