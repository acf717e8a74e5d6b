using System.Diagnostics;

namespace Summit.Faces.Core.Tests;

/// <summary>Runs a command-line tool with a time limit; a tool that cannot start is reported through <c>unavailable</c>.</summary>
public static class Tool
{
    public static (int ExitCode, string Output, string Error) Run(
        string file, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, Func<string, Exception> unavailable)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        try
        {
            using var process = Process.Start(start) ?? throw unavailable($"{file} did not start");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                throw unavailable($"{file} did not finish within {timeout.TotalSeconds:N0} s");
            }

            return (process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw unavailable($"{file} could not be started ({e.Message}); install Node.js and npm");
        }
    }
}
