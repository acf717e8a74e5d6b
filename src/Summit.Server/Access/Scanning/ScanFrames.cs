namespace Summit.Server.Access.Scanning;

/// <summary>
/// The camera frame a scan may carry for the face check (issue 14): base64 in the scan's JSON, at most <see cref="MaxBytes"/>
/// once decoded (a 640 x 480 JPEG is 30 to 80 KB), which keeps the whole request under the API's 1 MB body limit. Its pixels are
/// bounded again when the face module decodes it.
/// </summary>
public static class ScanFrames
{
    public const int MaxBytes = 512 * 1024;

    /// <summary>The frame's bytes, null when the scan came without one; refuses a frame too large or not base64.</summary>
    public static byte[]? Decode(string? frame)
    {
        if (string.IsNullOrEmpty(frame))
        {
            return null;
        }

        // Measured before decoding: base64 takes 4 characters per 3 bytes.
        if (frame.Length > (MaxBytes + 2) / 3 * 4)
        {
            throw TooLarge();
        }

        var bytes = new byte[frame.Length / 4 * 3 + 3];
        if (!Convert.TryFromBase64String(frame, bytes, out var written))
        {
            throw new SummitException(SummitError.Of(AccessErrors.ScanFrameInvalid));
        }

        // The length above bounds the work; the exact limit is on the bytes (a text of the longest length may hold one byte too many).
        return written <= MaxBytes ? bytes[..written] : throw TooLarge();
    }

    /// <summary>Frames a burst may have (a gate that requires a live face asks for 3 to 5).</summary>
    public const int MaxBurst = 5;

    /// <summary>Bytes of a burst's frames together, once decoded: five 640 x 480 JPEGs are 150 to 400 KB; the request stays under 1 MB.</summary>
    public const int MaxBurstBytes = 640 * 1024;

    /// <summary>
    /// The scan's frames, oldest first: the one <paramref name="frame"/>, or the burst <paramref name="frames"/>, or none. Refuses both
    /// at once, more than <see cref="MaxBurst"/> frames, and more than <see cref="MaxBurstBytes"/> together, before decoding any.
    /// </summary>
    public static IReadOnlyList<byte[]> DecodeAll(string? frame, IReadOnlyList<string?>? frames)
    {
        if (frames is not { Count: > 0 })
        {
            return Decode(frame) is { } one ? [one] : [];
        }

        if (!string.IsNullOrEmpty(frame))
        {
            throw new SummitException(SummitError.Of(AccessErrors.ScanFrameInvalid));
        }

        if (frames.Count > MaxBurst)
        {
            throw new SummitException(SummitError.Of(AccessErrors.ScanFramesTooMany, MaxBurst));
        }

        if (frames.Sum(text => (long)(text?.Length ?? 0)) > (MaxBurstBytes + 2) / 3 * 4)
        {
            throw BurstTooLarge();
        }

        var decoded = new List<byte[]>(frames.Count);
        foreach (var text in frames)
        {
            decoded.Add(Decode(text) ?? throw new SummitException(SummitError.Of(AccessErrors.ScanFrameInvalid)));
        }

        return decoded.Sum(bytes => (long)bytes.Length) <= MaxBurstBytes ? decoded : throw BurstTooLarge();
    }

    private static SummitException BurstTooLarge() => new(SummitError.Of(AccessErrors.ScanFramesTooLarge, MaxBurstBytes / 1024));

    /// <summary>Frames that came as bytes (the console page's burst), oldest first; refuses too many, one too large, or too much together.</summary>
    public static IReadOnlyList<byte[]> BoundedBurst(IReadOnlyList<byte[]> frames)
    {
        if (frames.Count > MaxBurst)
        {
            throw new SummitException(SummitError.Of(AccessErrors.ScanFramesTooMany, MaxBurst));
        }

        var bounded = frames.Select(Bounded).OfType<byte[]>().ToList();
        return frames.Count <= 1 || bounded.Sum(bytes => (long)bytes.Length) <= MaxBurstBytes ? bounded : throw BurstTooLarge();
    }

    /// <summary>A frame that came as bytes (the console page's), null when none; refuses one over <see cref="MaxBytes"/>.</summary>
    public static byte[]? Bounded(byte[]? frame) =>
        frame is { Length: 0 } ? null : frame is { Length: > MaxBytes } ? throw TooLarge() : frame;

    /// <summary>The refusal of a frame over the limit, the same wherever it came from.</summary>
    public static SummitException TooLarge() => new(SummitError.Of(AccessErrors.ScanFrameTooLarge, MaxBytes / 1024));
}
