using SkiaSharp;

namespace Summit.Server.Demo;

/// <summary>
/// The demo guests' photos: drawn by code at seed time, never downloaded, and plainly not photographs of anyone (a flat
/// background, a stylised head and shoulders in varied skin, hair and clothing colours, the guest's initials and a "DEMO" mark),
/// so that the gate console and the badges have a face to show. The same seed draws the same portrait. Small (240 x 300) so
/// that two thousand of them cost a few seconds.
/// </summary>
internal static class DemoPortraits
{
    public const int Width = 240;
    public const int Height = 300;
    private const int Quality = 80;

    private static readonly SKColor[] Backgrounds =
        [new(0xCF, 0xE3, 0xF5), new(0xE3, 0xF2, 0xD9), new(0xF6, 0xE3, 0xC8), new(0xE8, 0xDA, 0xF2), new(0xD6, 0xEE, 0xEC), new(0xF2, 0xD7, 0xD9)];

    private static readonly SKColor[] Skins =
        [new(0xF6, 0xD5, 0xB8), new(0xE9, 0xBC, 0x94), new(0xD0, 0x9A, 0x6E), new(0xA8, 0x72, 0x4B), new(0x7C, 0x51, 0x35), new(0x5A, 0x3A, 0x26)];

    private static readonly SKColor[] Hair =
        [new(0x1E, 0x1A, 0x18), new(0x3B, 0x2A, 0x20), new(0x6B, 0x4A, 0x2E), new(0xA8, 0x7B, 0x4F), new(0xD9, 0xC0, 0x8C), new(0x9E, 0x9E, 0x9E)];

    private static readonly SKColor[] Clothes =
        [new(0x26, 0x32, 0x38), new(0x1A, 0x37, 0x6E), new(0x4E, 0x34, 0x2E), new(0x37, 0x47, 0x4F), new(0x6A, 0x1B, 0x4D), new(0x1B, 0x5E, 0x20)];

    private static readonly Lazy<SKTypeface> Bold = new(() =>
        SKTypeface.FromFile(Path.Combine(AppContext.BaseDirectory, "fonts", "NotoSans-Bold.ttf")) ?? SKTypeface.Default);

    public static byte[] Jpeg(string initials, int seed)
    {
        var random = new Random(seed);
        var skin = Skins[random.Next(Skins.Length)];
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(Backgrounds[random.Next(Backgrounds.Length)]);
        using var paint = new SKPaint { IsAntialias = true };

        // Shoulders, neck, head, hair: plain shapes, so that nobody takes the portrait for a photograph.
        paint.Color = Clothes[random.Next(Clothes.Length)];
        canvas.DrawRoundRect(new SKRect(22, 222, Width - 22, Height + 60), 70, 70, paint);
        var headWidth = 74 + random.Next(0, 14);
        var headHeight = 92 + random.Next(0, 12);
        var head = new SKRect(120 - headWidth / 2f, 150 - headHeight, 120 + headWidth / 2f, 150 + headHeight / 3f);
        var hair = Hair[random.Next(Hair.Length)];
        var length = random.Next(3) switch { 0 => 0f, 1 => 40f, _ => 95f };
        paint.Color = hair;
        // Long hair falls behind the head and neck.
        canvas.DrawRect(new SKRect(head.Left - 6, head.MidY - 20, head.Right + 6, head.MidY - 20 + length), paint);
        paint.Color = skin;
        canvas.DrawRect(new SKRect(100, 170, 140, 230), paint);
        canvas.DrawOval(head, paint);
        // The cap: the top of a slightly larger oval.
        paint.Color = hair;
        canvas.Save();
        canvas.ClipRect(new SKRect(0, 0, Width, head.Top + head.Height * 0.3f));
        canvas.DrawOval(new SKRect(head.Left - 6, head.Top - 8, head.Right + 6, head.Bottom), paint);
        canvas.Restore();

        using var font = new SKFont(Bold.Value, 40);
        paint.Color = SKColors.White;
        canvas.DrawText(initials, Width / 2f, Height - 26, SKTextAlign.Center, font, paint);
        using var mark = new SKFont(Bold.Value, 15);
        paint.Color = new SKColor(0, 0, 0, 0x90);
        canvas.DrawText("DEMO", 10, 22, SKTextAlign.Left, mark, paint);

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, Quality);
        return data.ToArray();
    }
}
