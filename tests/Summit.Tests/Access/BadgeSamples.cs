using NSec.Cryptography;
using SkiaSharp;
using Summit.Access.Core;
using Summit.Server.Access.Badges;
using Summit.Server.Guests.Contracts;

namespace Summit.Tests.Access;

/// <summary>A small access world for badge tests: one event in Wuzhen time (UTC+8) whose VIP category opens the main hall.</summary>
internal static class BadgeSamples
{
    public const uint EventId = 2026;
    public const ushort VipCategory = 1;
    public const int MainHall = 0;
    public const uint KeyId = 1;

    /// <summary>Event-local time on a November 2026 day.</summary>
    public static DateTimeOffset Local(int day, int hour) => new(2026, 11, day, hour, 0, 0, TimeSpan.FromHours(8));

    public static Key NewSigningKey() => Key.Create(SignatureAlgorithm.Ed25519);

    /// <summary>A VIP credential valid 8–10 November, signed by the key.</summary>
    public static string IssueVipCredential(Key signingKey) => CredentialCodec.Encode(
        new CredentialPayload(KeyId, Guid.NewGuid(), Guid.NewGuid(), EventId, VipCategory, ZoneSet.Empty,
            Local(8, 0).ToUniversalTime(), Local(11, 0).ToUniversalTime()),
        signingKey);

    public static AccessPolicy Policy(Key signingKey) => new()
    {
        EventId = EventId,
        TimeZone = TimeZoneInfo.CreateCustomTimeZone("Summit/Wuzhen", TimeSpan.FromHours(8), "Wuzhen", "Wuzhen"),
        Keys = new PublicKeyRing([new KeyRingEntry(KeyId, signingKey.PublicKey, KeyStatus.Valid)]),
        Revocations = RevocationSet.None,
        Grants = new ZoneGrantTable([new CategoryGrant(VipCategory, ZoneSet.Of(MainHall), DayRange.Always)], []),
        Rules = ZoneRules.AllOpen,
    };

    public static Gate MainHallEntry { get; } = new(1, MainHall, GateDirection.Entry, IsOpen: true);

    public static BadgeCard Vip(string credentialCode, byte[]? photo = null) => new()
    {
        EventNameEn = "World Internet Conference Wuzhen Summit 2026",
        EventNameZh = "2026年世界互联网大会乌镇峰会",
        Name = "王小明",
        LatinName = "Xiaoming WANG",
        Title = "Vice Minister",
        Organisation = "Cyberspace Administration of China",
        Country = Countries.Find("CN")!,
        Category = new BadgeCategory("VIP", "VIP Guest", "贵宾", "#C8102E"),
        Zones = ["MAIN", "EXPO", "FORUM-A", "VIP"],
        PhotoJpeg = photo,
        CredentialCode = credentialCode,
    };

    public static BadgeCard Press(string credentialCode) => Vip(credentialCode) with
    {
        Name = "Alexandra Konstantinopoulou-Papadopoulou",
        LatinName = "Alexandra KONSTANTINOPOULOU-PAPADOPOULOU",
        Title = "Senior Technology Correspondent and Head of the Asia-Pacific Digital Policy Desk",
        Organisation = "Hellenic Broadcasting Corporation (ERT) International News Service",
        Country = Countries.Find("GR")!,
        Category = new BadgeCategory("PRESS", "Media", "媒体", "#FFD100"),
        Zones = ["MAIN", "EXPO", "PRESS", "FORUM-A", "FORUM-B", "FORUM-C", "MIXED-ZONE"],
    };

    /// <summary>A drawn head-and-shoulders portrait (no real person) as a 600 × 800 JPEG, as the portal stores photos.</summary>
    public static byte[] Portrait()
    {
        const int width = 600;
        const int height = 800;
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var backdrop = new SKPaint
            {
                Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, height),
                    [SKColor.Parse("#DCE6F2"), SKColor.Parse("#AFC2D9")], SKShaderTileMode.Clamp),
            };
            canvas.DrawRect(0, 0, width, height, backdrop);
            using var paint = new SKPaint { IsAntialias = true };
            Fill(canvas, paint, "#1F2A3C", p => p.AddOval(SKRect.Create(40, 560, 520, 520), SKPathDirection.Clockwise));
            Fill(canvas, paint, "#FFFFFF", p => p.AddPoly([new(240, 570), new(360, 570), new(300, 720)], close: true));
            Fill(canvas, paint, "#A3182B", p => p.AddPoly([new(288, 600), new(312, 600), new(322, 700), new(300, 730), new(278, 700)], close: true));
            Fill(canvas, paint, "#E2B48F", p =>
            {
                p.AddRect(SKRect.Create(255, 470, 90, 110), SKPathDirection.Clockwise);
                p.AddOval(SKRect.Create(172, 290, 40, 70), SKPathDirection.Clockwise);
                p.AddOval(SKRect.Create(388, 290, 40, 70), SKPathDirection.Clockwise);
            });
            Fill(canvas, paint, "#EBC29F", p => p.AddOval(SKRect.Create(195, 170, 210, 300), SKPathDirection.Clockwise));
            Fill(canvas, paint, "#1B1B1F", p =>
            {
                p.MoveTo(192, 300);
                p.CubicTo(180, 150, 260, 120, 310, 125);
                p.CubicTo(380, 128, 425, 170, 408, 300);
                p.CubicTo(395, 230, 360, 205, 300, 210);
                p.CubicTo(250, 212, 210, 230, 192, 300);
                p.Close();
            });
            Fill(canvas, paint, "#2A2A2E", p =>
            {
                p.AddOval(SKRect.Create(245, 300, 26, 14), SKPathDirection.Clockwise);
                p.AddOval(SKRect.Create(329, 300, 26, 14), SKPathDirection.Clockwise);
            });
            paint.Style = SKPaintStyle.Stroke;
            paint.StrokeCap = SKStrokeCap.Round;
            Stroke(canvas, paint, "#2A2A2E", 7, p =>
            {
                p.MoveTo(238, 282);
                p.LineTo(276, 278);
                p.MoveTo(324, 278);
                p.LineTo(362, 282);
            });
            Stroke(canvas, paint, "#C98E72", 5, p =>
            {
                p.MoveTo(300, 330);
                p.LineTo(295, 375);
            });
            Stroke(canvas, paint, "#A4574A", 6, p =>
            {
                p.MoveTo(270, 410);
                p.QuadTo(300, 425, 330, 410);
            });
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        return jpeg.ToArray();
    }

    private static void Fill(SKCanvas canvas, SKPaint paint, string colour, Action<SKPathBuilder> shape)
    {
        using var builder = new SKPathBuilder();
        shape(builder);
        using var path = builder.Detach();
        paint.Color = SKColor.Parse(colour);
        canvas.DrawPath(path, paint);
    }

    private static void Stroke(SKCanvas canvas, SKPaint paint, string colour, float width, Action<SKPathBuilder> shape)
    {
        paint.StrokeWidth = width;
        Fill(canvas, paint, colour, shape);
    }
}
