using System.Globalization;

namespace Summit.Faces.Core.Tests;

/// <summary>
/// The JPEG decoder of the reference (jpeg-js 0.4.4, which reference.js uses), run with Node.js: Summit's pipeline given the
/// very pixels the reference was given must compute what the reference computed. SUMMIT_JPEG_JS_DIR may name an unpacked copy.
/// </summary>
public static class ReferenceJpegDecoder
{
    private static readonly NpmPackage Package = new("jpeg-js", "0.4.4", "SUMMIT_JPEG_JS_DIR", "lib/decoder.js");

    /// <summary>Decodes JPEG files as reference.js does (RGB, no alpha) into images, by file name.</summary>
    public static IReadOnlyDictionary<string, FaceImage> Decode(IReadOnlyList<string> files)
    {
        var output = Path.Combine(Path.GetTempPath(), $"summit-jpeg-js-{Environment.ProcessId}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(output);
        try
        {
            // Each file becomes <name>.rgb, and a line "<name> <width> <height>" on standard output.
            const string Script = """
                const fs = require('fs'), path = require('path'), jpeg = require(process.argv[1]);
                const out = process.argv[2];
                for (const file of process.argv.slice(3)) {
                  const image = jpeg.decode(fs.readFileSync(file), { useTArray: true, formatAsRGBA: false });
                  fs.writeFileSync(path.join(out, path.basename(file) + '.rgb'), image.data);
                  console.log(path.basename(file), image.width, image.height);
                }
                """;
            var (exitCode, stdout, stderr) = Tool.Run("node", ["-e", Script, Package.Directory, output, .. files], output, TimeSpan.FromMinutes(2),
                why => new InvalidOperationException($"The reference's JPEG decoder needs Node.js: {why}"));
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"jpeg-js failed ({exitCode}): {stderr.Trim()}");
            }

            var images = new Dictionary<string, FaceImage>(StringComparer.Ordinal);
            foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var parts = line.Split(' ');
                images[parts[0]] = FaceImage.FromRgb(File.ReadAllBytes(Path.Combine(output, parts[0] + ".rgb")), int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture));
            }

            return images;
        }
        finally
        {
            System.IO.Directory.Delete(output, recursive: true);
        }
    }
}
