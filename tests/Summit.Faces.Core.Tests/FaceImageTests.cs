using System.Buffers.Binary;

namespace Summit.Faces.Core.Tests;

/// <summary>Hostile and damaged images are refused with a reason before they cost memory or time.</summary>
public sealed class FaceImageTests
{
    [Fact]
    public void Bytes_that_are_no_jpeg_or_png_are_refused_as_unreadable()
    {
        var error = Assert.Throws<FaceImageException>(() => FaceImage.Decode("GIF89a not a photo"u8));

        Assert.Equal(FaceIssue.ImageUnreadable, error.Issue);
    }

    [Fact]
    public void A_truncated_jpeg_is_refused_rather_than_half_decoded()
    {
        var jpeg = File.ReadAllBytes(FaceApiPackage.SamplePhotos[1]);

        var error = Assert.Throws<FaceImageException>(() => FaceImage.Decode(jpeg.AsSpan(0, jpeg.Length / 3)));

        Assert.Equal(FaceIssue.ImageUnreadable, error.Issue);
    }

    [Fact]
    public void A_jpeg_that_claims_a_huge_canvas_is_refused_before_decoding()
    {
        var error = Assert.Throws<FaceImageException>(() => FaceImage.Decode(JpegClaiming(65_000, 65_000)));

        Assert.Equal(FaceIssue.ImageTooLarge, error.Issue);
    }

    [Fact]
    public void A_file_over_the_byte_limit_is_refused_before_reading_it()
    {
        var error = Assert.Throws<FaceImageException>(() => FaceImage.Decode(new byte[2048], new FaceImageLimits(MaxBytes: 1024)));

        Assert.Equal(FaceIssue.ImageTooLarge, error.Issue);
    }

    [Fact]
    public void Raw_pixels_must_match_their_size()
    {
        Assert.Throws<ArgumentException>(() => FaceImage.FromRgb(new byte[10], 2, 2));
        Assert.Equal(FaceIssue.ImageTooLarge, Assert.Throws<FaceImageException>(() => FaceImage.FromRgb([], 0, 5)).Issue);
    }

    /// <summary>A real JPEG whose frame header (SOF0 or SOF2) is rewritten to claim the given size.</summary>
    private static byte[] JpegClaiming(int width, int height)
    {
        var jpeg = File.ReadAllBytes(FaceApiPackage.SamplePhotos[0]);
        for (var i = 2; i + 9 < jpeg.Length; i++)
        {
            if (jpeg[i] == 0xFF && jpeg[i + 1] is 0xC0 or 0xC2)
            {
                // FF Cn, length (2), precision (1), height (2), width (2).
                BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(i + 5), (ushort)height);
                BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(i + 7), (ushort)width);
                return jpeg;
            }
        }

        throw new InvalidDataException("no frame header in the sample JPEG");
    }
}
