using System.ComponentModel;
using System.Diagnostics;

namespace Summit.Tests.Access;

/// <summary>Reads QR codes with zbarimg (Debian zbar-tools), a decoder that owes nothing to the code that drew them.</summary>
internal static class Zbar
{
    /// <summary>The text of the one code in the image; fails the test if there is none or more than one.</summary>
    public static async Task<string> DecodeSingleAsync(byte[] png)
    {
        var path = Path.Combine(Path.GetTempPath(), $"summit-zbar-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(path, png);
        try
        {
            var start = new ProcessStartInfo("zbarimg")
            {
                ArgumentList = { "--raw", "-q", path },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            Process? started;
            try
            {
                started = Process.Start(start);
            }
            catch (Win32Exception e)
            {
                throw new InvalidOperationException("zbarimg is missing: apt-get install zbar-tools (scripts/test.sh installs it).", e);
            }
            using var process = started ?? throw new InvalidOperationException("zbarimg did not start.");
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            // Exit 4: the image holds no code zbar can read.
            Assert.True(process.ExitCode == 0, $"zbarimg read no code (exit {process.ExitCode}): {await errors}");
            var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            return Assert.Single(lines);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
