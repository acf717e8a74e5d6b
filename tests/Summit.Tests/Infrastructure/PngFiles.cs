using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Summit.Tests.Infrastructure;

/// <summary>PNG files written byte by byte, for what an image library would not make: huge canvases in small files. Also linked into the benchmarks.</summary>
public static class PngFiles
{
    /// <summary>
    /// A real, complete PNG of any size, written row by row without a bitmap in memory: a flat grey image, so that forty megapixels
    /// pack into a file of a few hundred kilobytes that decodes in full.
    /// </summary>
    public static byte[] Flat(int width, int height)
    {
        using var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.Fastest, leaveOpen: true))
        {
            // Each row: filter type 0, then RGB bytes.
            var row = new byte[1 + (width * 3)];
            Array.Fill(row, (byte)0x80, 1, row.Length - 1);
            for (var y = 0; y < height; y++)
            {
                zlib.Write(row);
            }
        }

        return PngOf(width, height, pixels.ToArray());
    }

    /// <summary>A PNG whose header announces the given size; the tiny image data behind it could never fill it.</summary>
    public static byte[] Claiming(int width, int height) => PngOf(width, height, [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]); // an empty zlib stream

    private static byte[] PngOf(int width, int height, byte[] compressedPixels)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour RGB; compression, filter and interlace stay 0
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", compressedPixels);
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        byte[] typeAndData = [.. Encoding.ASCII.GetBytes(type), .. data];
        png.Write(typeAndData);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        png.Write(crc);
    }

    /// <summary>CRC-32 as PNG chunks use it (ISO 3309, polynomial 0xEDB88320).</summary>
    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
