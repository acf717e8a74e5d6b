using System.Buffers.Binary;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using Summit.Server;
using Summit.Server.Guests.Contracts;
using Summit.Server.Guests.Domain;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Images;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Guests;

/// <summary>Photos uploaded in the portal: judged by content, limited, and stored as a clean JPEG.</summary>
public class PhotoTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    public static TheoryData<string, string> RefusedPhotos => new()
    {
        { "gif", ErrorCodes.PhotoType },
        { "pdf", ErrorCodes.PhotoType },
        { "text", ErrorCodes.PhotoType },
        { "truncated-jpeg", ErrorCodes.PhotoCorrupt },
        { "over-5-mb", ErrorCodes.PhotoTooLarge },
        { "png-claiming-20000x20000", ErrorCodes.PhotoPixels },
        { "png-of-40-megapixels", ErrorCodes.PhotoPixels },
        { "too-small", ErrorCodes.PhotoTooSmall },
    };

    [Theory]
    [MemberData(nameof(RefusedPhotos))]
    public async Task A_refused_photo_has_its_reason_and_leaves_the_invitation_usable(string kind, string code)
    {
        var photo = kind switch
        {
            "gif" => Gif1x1,
            "pdf" => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
            "text" => Encoding.UTF8.GetBytes("This is a passport photo, honestly.\n"),
            "truncated-jpeg" => Truncated(TestImages.Jpeg(400, 500)),
            "over-5-mb" => [.. TestImages.Jpeg(400, 500), .. new byte[PhotoProcessor.MaxBytes]],
            "png-claiming-20000x20000" => TestImages.PngClaiming(20_000, 20_000),
            "png-of-40-megapixels" => TestImages.LargePng(8000, 5000),
            "too-small" => TestImages.Jpeg(PhotoProcessor.MinSide - 1, 400),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var guest = await app.CreateGuestAsync();
        var token = await app.InviteAsync(guest.Id);

        var response = await app.RegisterAsync(token, Intents.RegistrationForm(photo, photoName: "me.jpg"));
        await response.AssertProblemAsync(422, code);

        var (stored, photos, unused) = await StateAsync(guest.Id);
        Assert.Equal(GuestStatus.Invited, stored.Status);
        Assert.False(stored.HasPhoto);
        Assert.Null(stored.DataConsentAt);
        Assert.Equal(0, photos);
        Assert.Equal(1, unused);
        Assert.Equal(GuestStatus.Registered, (await app.RegisterOkAsync(token)).Status);
    }

    [Fact]
    public void The_crafted_png_really_claims_a_huge_canvas()
    {
        using var codec = SKCodec.Create(new MemoryStream(TestImages.PngClaiming(20_000, 20_000)));
        Assert.NotNull(codec);
        Assert.Equal((20_000, 20_000), (codec.Info.Width, codec.Info.Height));
    }

    [Fact]
    public async Task Content_decides_the_type_not_the_file_name()
    {
        var guest = await app.CreateGuestAsync();
        var token = await app.InviteAsync(guest.Id);
        var response = await app.RegisterAsync(token, Intents.RegistrationForm(TestImages.Png(400, 500), photoName: "me.jpg"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());

        var stored = await PhotoAsync(guest.Id);
        Assert.True(PhotoProcessor.IsJpeg(stored));
    }

    [Fact]
    public async Task The_stored_photo_is_a_fresh_jpeg_without_exif()
    {
        var upload = WithExif(TestImages.Jpeg(400, 500));
        Assert.Contains("Exif", Encoding.Latin1.GetString(upload), StringComparison.Ordinal);
        using (var codec = SKCodec.Create(new MemoryStream(upload)))
        {
            Assert.Equal(400, codec.Info.Width);
        }

        var guest = await app.CreateGuestAsync();
        var token = await app.InviteAsync(guest.Id);
        await app.RegisterOkAsync(token, upload);

        var stored = await PhotoAsync(guest.Id);
        var text = Encoding.Latin1.GetString(stored);
        Assert.True(PhotoProcessor.IsJpeg(stored));
        Assert.DoesNotContain("Exif", text, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretMake, text, StringComparison.Ordinal);
        using var decoded = SKBitmap.Decode(stored);
        Assert.Equal((400, 500), (decoded.Width, decoded.Height));
    }

    private async Task<byte[]> PhotoAsync(Guid guestId)
    {
        using var officer = await app.ClientForAsync(Roles.AccreditationOfficer);
        var response = await officer.GetAsync($"/api/v1/guests/{guestId}/photo");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private Task<(Guest Guest, int Photos, int UnusedInvitations)> StateAsync(Guid guestId) => app.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<SummitDbContext>();
        var guest = await db.Guests.AsNoTracking().SingleAsync(g => g.Id == guestId);
        var photos = await db.GuestPhotos.CountAsync(p => p.GuestId == guestId);
        var unused = await db.Invitations.CountAsync(i => i.GuestId == guestId && i.UsedAt == null && i.RevokedAt == null);
        return (guest, photos, unused);
    });

    /// <summary>The smallest valid GIF89a: one transparent pixel.</summary>
    private static readonly byte[] Gif1x1 =
    [
        0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x21, 0xF9, 0x04,
        0x01, 0x00, 0x00, 0x00, 0x00, 0x2C, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3B,
    ];

    private const string SecretMake = "SummitSecretCam";

    /// <summary>Cuts a JPEG inside its compressed scan, as an interrupted upload would.</summary>
    private static byte[] Truncated(byte[] jpeg) => jpeg[..(jpeg.Length / 2)];

    /// <summary>Inserts an EXIF APP1 segment (camera make and orientation, little-endian TIFF) right after the JPEG's SOI marker.</summary>
    private static byte[] WithExif(byte[] jpeg)
    {
        var make = Encoding.ASCII.GetBytes(SecretMake + "\0");
        using var tiff = new MemoryStream();
        using (var w = new BinaryWriter(tiff, Encoding.ASCII, leaveOpen: true))
        {
            w.Write("II"u8);
            w.Write((ushort)42);
            w.Write(8u);                 // first IFD right after this header
            w.Write((ushort)2);          // two entries
            w.Write((ushort)0x010F);     // Make, ASCII, stored after the IFD
            w.Write((ushort)2);
            w.Write((uint)make.Length);
            w.Write(8u + 2 + (2 * 12) + 4);
            w.Write((ushort)0x0112);     // Orientation, SHORT, 1 = upright
            w.Write((ushort)3);
            w.Write(1u);
            w.Write(1u);
            w.Write(0u);                 // no next IFD
            w.Write(make);
        }

        byte[] payload = [.. "Exif\0\0"u8, .. tiff.ToArray()];
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }
}
