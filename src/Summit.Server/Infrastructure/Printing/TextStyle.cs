using SkiaSharp;

namespace Summit.Server.Infrastructure.Printing;

/// <summary>How one centred block of text is set: it shrinks from <see cref="MaxSize"/> to <see cref="MinSize"/> (mm) until it fits in <see cref="MaxLines"/>.</summary>
internal readonly record struct TextStyle(float MaxSize, float MinSize, int MaxLines, bool Bold, SKColor Ink);
