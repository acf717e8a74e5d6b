using System.Globalization;

namespace Summit.Benchmarks;

/// <summary>Options of the bench commands that are not BenchmarkDotNet's (fuzz, latency).</summary>
public static class CommandLine
{
    public static int Int(string[] args, string name, int defaultValue)
    {
        var index = Array.IndexOf(args, name);
        if (index < 0)
        {
            return defaultValue;
        }
        if (index + 1 >= args.Length || !int.TryParse(args[index + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < 0)
        {
            throw new ArgumentException($"{name} needs a whole number, not '{(index + 1 < args.Length ? args[index + 1] : "")}'.");
        }
        return value;
    }
}
