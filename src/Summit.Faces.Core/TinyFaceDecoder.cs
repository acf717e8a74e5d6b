namespace Summit.Faces.Core;

/// <summary>
/// Turns the tiny face detector's output grid into face boxes, as face-api's TinyYolov2Base.extractBoxes and its
/// nonMaxSuppression do: a sigmoid score per anchor above the threshold, boxes from the anchors, then the highest scores
/// first, dropping any box that overlaps a kept one by more than the IoU threshold.
/// </summary>
internal static class TinyFaceDecoder
{
    public const double IouThreshold = 0.4;

    private static readonly (double X, double Y)[] Anchors =
        [(1.603231, 2.094468), (6.041143, 7.080126), (2.882459, 3.518061), (4.266906, 5.178857), (9.041765, 10.66308)];

    /// <param name="grid">[25, cells, cells]: per anchor x, y, w, h, score planes.</param>
    public static List<DetectedFace> Decode(ReadOnlySpan<float> grid, int cells, int inputSize, int imageWidth, int imageHeight, double minScore)
    {
        // The image was scaled to fit inputSize and padded at the bottom or right; boxes are relative to the image.
        var scale = (double)inputSize / Math.Max(imageWidth, imageHeight);
        var reshapedWidth = Math.Round(imageWidth * scale, MidpointRounding.AwayFromZero);
        var reshapedHeight = Math.Round(imageHeight * scale, MidpointRounding.AwayFromZero);
        var reshapedSize = Math.Max(reshapedWidth, reshapedHeight);
        var correctionX = reshapedSize / reshapedWidth;
        var correctionY = reshapedSize / reshapedHeight;
        var plane = cells * cells;

        var candidates = new List<(double Score, double Left, double Top, double Right, double Bottom)>();
        for (var row = 0; row < cells; row++)
        {
            for (var col = 0; col < cells; col++)
            {
                for (var anchor = 0; anchor < Anchors.Length; anchor++)
                {
                    var cell = (anchor * 5 * plane) + (row * cells) + col;
                    var score = Sigmoid(grid[cell + (4 * plane)]);
                    if (score <= minScore)
                    {
                        continue;
                    }

                    var centreX = ((col + Sigmoid(grid[cell])) / cells) * correctionX;
                    var centreY = ((row + Sigmoid(grid[cell + plane])) / cells) * correctionY;
                    var width = ((Math.Exp(grid[cell + (2 * plane)]) * Anchors[anchor].X) / cells) * correctionX;
                    var height = ((Math.Exp(grid[cell + (3 * plane)]) * Anchors[anchor].Y) / cells) * correctionY;
                    var x = centreX - (width / 2);
                    var y = centreY - (height / 2);
                    candidates.Add((score, x, y, x + width, y + height));
                }
            }
        }

        var kept = new List<DetectedFace>();
        foreach (var index in NonMaxSuppression(candidates, inputSize))
        {
            var (score, left, top, right, bottom) = candidates[index];
            kept.Add(new DetectedFace(score, new FaceBox(left * imageWidth, top * imageHeight, (right - left) * imageWidth, (bottom - top) * imageHeight)));
        }

        return kept;
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    /// <summary>Indices kept, highest score first (ties: the later candidate first, as face-api's stable sort and pop give).</summary>
    private static List<int> NonMaxSuppression(List<(double Score, double Left, double Top, double Right, double Bottom)> boxes, int inputSize)
    {
        var remaining = Enumerable.Range(0, boxes.Count).OrderBy(i => boxes[i].Score).ToList();
        var picked = new List<int>();
        while (remaining.Count > 0)
        {
            var current = remaining[^1];
            remaining.RemoveAt(remaining.Count - 1);
            picked.Add(current);
            remaining.RemoveAll(other => !(Iou(boxes[current], boxes[other], inputSize) <= IouThreshold));
        }

        return picked;
    }

    private static double Iou(
        (double Score, double Left, double Top, double Right, double Bottom) a,
        (double Score, double Left, double Top, double Right, double Bottom) b,
        int inputSize)
    {
        // face-api compares the boxes scaled to the network's input size.
        var width = Math.Max(0, (Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left)) * inputSize);
        var height = Math.Max(0, (Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Top, b.Top)) * inputSize);
        var intersection = width * height;
        var areaA = (a.Right - a.Left) * inputSize * (a.Bottom - a.Top) * inputSize;
        var areaB = (b.Right - b.Left) * inputSize * (b.Bottom - b.Top) * inputSize;
        return intersection / (areaA + areaB - intersection);
    }
}
