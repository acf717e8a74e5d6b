using System.Runtime.InteropServices;

namespace Summit.Server.Infrastructure.Printing;

/// <summary>
/// The Unicode Bidirectional Algorithm (UAX #9) from ICU, the library .NET itself uses for globalization on Linux and
/// Windows: a line is split into runs of one direction and the runs are put in visual order. The paragraph direction comes
/// from the first strong character, so a name written in Arabic reads from the right even with Latin letters in it.
/// ICU's C functions carry its major version in their names on Linux (ubidi_open_72) and none on Windows and macOS, so
/// the library and the suffix are probed once.
/// </summary>
internal static unsafe class UnicodeBidi
{
    /// <summary>UBIDI_DEFAULT_LTR: the paragraph level of the first strong character, left to right if there is none.</summary>
    private const byte DefaultLeftToRight = 0xFE;

    private static readonly Lazy<Icu> Library = new(Icu.Load);

    /// <summary>The visual runs of one line of text (no line breaks inside), left to right as they are drawn.</summary>
    public static IReadOnlyList<BidiRun> VisualRuns(string line)
    {
        if (line.Length == 0)
        {
            return [];
        }
        if (!NeedsBidi(line))
        {
            return [new BidiRun(0, line.Length, RightToLeft: false)];
        }
        var icu = Library.Value;
        var bidi = icu.Open();
        if (bidi == IntPtr.Zero)
        {
            throw new InvalidOperationException("ICU could not allocate a bidi object.");
        }
        try
        {
            fixed (char* text = line)
            {
                // ICU keeps a pointer to the text until the object is closed: everything is read inside this block.
                var error = 0;
                icu.SetPara(bidi, text, line.Length, DefaultLeftToRight, IntPtr.Zero, &error);
                Check(error, "ubidi_setPara");
                var count = icu.CountRuns(bidi, &error);
                Check(error, "ubidi_countRuns");
                var runs = new BidiRun[count];
                for (var i = 0; i < count; i++)
                {
                    int start;
                    int length;
                    var direction = icu.GetVisualRun(bidi, i, &start, &length);
                    runs[i] = new BidiRun(start, length, RightToLeft: direction == 1);
                }
                return runs;
            }
        }
        finally
        {
            icu.Close(bidi);
        }
    }

    /// <summary>Text with no right-to-left letter and no bidi control is one left-to-right run: most names skip ICU.</summary>
    private static bool NeedsBidi(string line)
    {
        foreach (var c in line)
        {
            // Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic and their presentation forms; the bidi controls.
            if (c is (>= '\u0590' and <= '\u08FF') or (>= '\uFB1D' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF')
                or (>= '\u200E' and <= '\u200F') or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')
                || char.IsSurrogate(c))
            {
                return true;
            }
        }
        return false;
    }

    private static void Check(int error, string function)
    {
        // U_FAILURE: errors are positive; negative values are warnings.
        if (error > 0)
        {
            throw new InvalidOperationException($"ICU {function} failed with error {error}.");
        }
    }

    private sealed class Icu
    {
        public required delegate* unmanaged[Cdecl]<IntPtr> OpenFunction { get; init; }

        public required delegate* unmanaged[Cdecl]<IntPtr, char*, int, byte, IntPtr, int*, void> SetParaFunction { get; init; }

        public required delegate* unmanaged[Cdecl]<IntPtr, int*, int> CountRunsFunction { get; init; }

        public required delegate* unmanaged[Cdecl]<IntPtr, int, int*, int*, int> GetVisualRunFunction { get; init; }

        public required delegate* unmanaged[Cdecl]<IntPtr, void> CloseFunction { get; init; }

        public IntPtr Open() => OpenFunction();

        public void SetPara(IntPtr bidi, char* text, int length, byte level, IntPtr levels, int* error) =>
            SetParaFunction(bidi, text, length, level, levels, error);

        public int CountRuns(IntPtr bidi, int* error) => CountRunsFunction(bidi, error);

        public int GetVisualRun(IntPtr bidi, int index, int* start, int* length) => GetVisualRunFunction(bidi, index, start, length);

        public void Close(IntPtr bidi) => CloseFunction(bidi);

        public static Icu Load()
        {
            foreach (var (library, suffix) in Candidates())
            {
                if (!NativeLibrary.TryLoad(library, out var handle))
                {
                    continue;
                }
                if (NativeLibrary.TryGetExport(handle, "ubidi_open" + suffix, out var open))
                {
                    return new Icu
                    {
                        OpenFunction = (delegate* unmanaged[Cdecl]<IntPtr>)open,
                        SetParaFunction = (delegate* unmanaged[Cdecl]<IntPtr, char*, int, byte, IntPtr, int*, void>)Export(handle, "ubidi_setPara" + suffix),
                        CountRunsFunction = (delegate* unmanaged[Cdecl]<IntPtr, int*, int>)Export(handle, "ubidi_countRuns" + suffix),
                        GetVisualRunFunction = (delegate* unmanaged[Cdecl]<IntPtr, int, int*, int*, int>)Export(handle, "ubidi_getVisualRun" + suffix),
                        CloseFunction = (delegate* unmanaged[Cdecl]<IntPtr, void>)Export(handle, "ubidi_close" + suffix),
                    };
                }
                NativeLibrary.Free(handle);
            }
            throw new InvalidOperationException(
                "Right-to-left text needs ICU (libicuuc), which .NET also needs for globalization: install the libicu package.");
        }

        private static IntPtr Export(IntPtr handle, string name) => NativeLibrary.GetExport(handle, name);

        private static IEnumerable<(string Library, string Suffix)> Candidates()
        {
            if (OperatingSystem.IsWindows())
            {
                yield return ("icu.dll", "");
                yield return ("icuuc.dll", "");
                yield break;
            }
            if (OperatingSystem.IsMacOS())
            {
                yield return ("libicucore.dylib", "");
                yield break;
            }
            for (var version = 90; version >= 50; version--)
            {
                yield return ($"libicuuc.so.{version}", $"_{version}");
            }
            yield return ("libicuuc.so", "");
        }
    }
}
