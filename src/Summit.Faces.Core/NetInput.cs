namespace Summit.Faces.Core;

/// <summary>
/// Prepares network inputs as face-api's NetInput.toBatchTensor does for an image tensor: the region is padded with zeros
/// to a square (at the end for the detector; around the centre for faces), then resized bilinearly to the network's size
/// with TensorFlow's half-pixel-free sampling (source = target × scale; align corners off). Pixels stay 0-255: each
/// graph normalizes its own input.
/// </summary>
internal static class NetInput
{
    /// <summary>Writes 3 planes of size × size floats (NCHW, one image) into <paramref name="target"/>.</summary>
    public static void SquareResize(FaceImage image, (int X, int Y, int Width, int Height) region, bool centre, int size, Span<float> target)
    {
        var (cropX, cropY, cropWidth, cropHeight) = region;
        var side = Math.Max(cropWidth, cropHeight);
        var difference = Math.Abs(cropWidth - cropHeight);
        // face-api appends Math.round(difference / 2) and puts the rest first; the detector's input gets all of it at the end.
        var before = centre ? difference - (int)Math.Floor((difference * 0.5) + 0.5) : 0;
        var padX = cropHeight > cropWidth ? before : 0;
        var padY = cropWidth > cropHeight ? before : 0;
        var scale = side / (float)size;

        Span<int> x0 = stackalloc int[size];
        Span<int> x1 = stackalloc int[size];
        Span<float> fx = stackalloc float[size];
        for (var i = 0; i < size; i++)
        {
            var source = i * scale;
            var floor = (int)MathF.Floor(source);
            x0[i] = floor - padX;
            x1[i] = Math.Min(side - 1, (int)MathF.Ceiling(source)) - padX;
            fx[i] = source - floor;
        }

        var rgb = image.Rgb;
        var stride = image.Width * 3;
        var plane = size * size;
        for (var oy = 0; oy < size; oy++)
        {
            var sourceY = oy * scale;
            var floorY = (int)MathF.Floor(sourceY);
            var fy = sourceY - floorY;
            var y0 = floorY - padY;
            var y1 = Math.Min(side - 1, (int)MathF.Ceiling(sourceY)) - padY;
            var row0 = y0 >= 0 && y0 < cropHeight ? ((cropY + y0) * stride) + (cropX * 3) : -1;
            var row1 = y1 >= 0 && y1 < cropHeight ? ((cropY + y1) * stride) + (cropX * 3) : -1;
            for (var ox = 0; ox < size; ox++)
            {
                var left = x0[ox] >= 0 && x0[ox] < cropWidth ? x0[ox] * 3 : -1;
                var right = x1[ox] >= 0 && x1[ox] < cropWidth ? x1[ox] * 3 : -1;
                var output = (oy * size) + ox;
                for (var c = 0; c < 3; c++)
                {
                    float topLeft = Sample(rgb, row0, left, c), topRight = Sample(rgb, row0, right, c);
                    float bottomLeft = Sample(rgb, row1, left, c), bottomRight = Sample(rgb, row1, right, c);
                    var top = topLeft + ((topRight - topLeft) * fx[ox]);
                    var bottom = bottomLeft + ((bottomRight - bottomLeft) * fx[ox]);
                    target[(c * plane) + output] = top + ((bottom - top) * fy);
                }
            }
        }
    }

    private static float Sample(byte[] rgb, int row, int column, int channel) => row < 0 || column < 0 ? 0f : rgb[row + column + channel];
}
